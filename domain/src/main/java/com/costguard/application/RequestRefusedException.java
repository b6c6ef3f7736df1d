package com.costguard.application;

import java.util.Optional;

/**
 * A request Costguard refuses, with the reason every face reports the same way (SPEC §5 error
 * shape: {@code error}, {@code message}, {@code field}). Nothing was changed.
 */
public class RequestRefusedException extends RuntimeException {

  /** Why a request was refused; the REST face maps each to its HTTP status. */
  public enum Reason {
    VALIDATION,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    /** A blocking budget refuses new work (SPEC §2); a conflict with the budget's state. */
    BUDGET_EXCEEDED;

    /** The {@code error} code of SPEC §5. */
    public String code() {
      return name().toLowerCase();
    }
  }

  private final Reason reason;
  private final String field;

  public RequestRefusedException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public static RequestRefusedException invalid(String field, String message) {
    return new RequestRefusedException(Reason.VALIDATION, field, message);
  }

  public Reason reason() {
    return reason;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
