package com.costguard.model.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The face a change came through (SPEC §4's "via" column). */
public enum Channel {
  PORTAL,
  SLACK,
  API,
  /** Costguard itself, e.g. an increase request expiring. */
  SYSTEM;

  /** As stored, hashed and shown: {@code portal}, {@code slack}, {@code api}, {@code system}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
  }
}
