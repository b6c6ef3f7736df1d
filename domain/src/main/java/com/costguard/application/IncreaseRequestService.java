package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.Money;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseRequestRepository;
import com.costguard.model.increase.IncreaseStatus;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Budget increases (SPEC §2 "Budget increases"): anyone who may write asks for a budget's limit to
 * be raised, with a justification. A small increase asked for by an ADMIN or a BUDGET_MANAGER
 * applies at once; any other waits for an approver (the budget's approver, else any user with the
 * APPROVER role; an ADMIN may always decide), who approves it, applying the new limit in the
 * transaction that records the decision, or rejects it with a reason. Nobody decides their own
 * request. A pending request expires after {@link #EXPIRES_AFTER}: the minute sweep expires it
 * ({@link #expireDue}), and a request found due when it is read or decided is expired then.
 *
 * <p>Every step is recorded in the {@link AuditLog} (subject: the budget) with the old and new
 * limit, the change percent, the justification and the approver; the new limit itself is a {@code
 * budget.limit_changed} made through {@link BudgetService#changeLimit}, so alerts re-arm as for any
 * other raised limit.
 */
@ApplicationScoped
public class IncreaseRequestService {

  /**
   * An increase above this many times the current limit needs approval (more than 20% above).
   * Constants for now; SPEC §2 makes them admin settings.
   */
  public static final BigDecimal APPROVAL_RATIO = new BigDecimal("1.2");

  /** A new limit above this needs approval. */
  public static final BigDecimal APPROVAL_AMOUNT = new BigDecimal("1000");

  /** How long a request waits for a decision. */
  public static final Duration EXPIRES_AFTER = Duration.ofHours(24);

  /** The longest justification or rejection reason. */
  public static final int MAX_TEXT = 2000;

  @Inject IncreaseRequestRepository requests;
  @Inject BudgetRepository budgets;
  @Inject BudgetService budgetService;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Asks for budget {@code budgetId}'s limit to become {@code newLimit}.
   *
   * @return the request: {@code applied} when no approval is needed, else {@code pending}
   * @throws RequestRefusedException 403 for a VIEWER, 404 for an unknown budget, 400 naming the
   *     field for a missing or invalid new limit or justification
   */
  @Transactional
  public IncreaseRequest request(
      Actor actor, long budgetId, BigDecimal newLimit, String justification) {
    if (!actor.user().canWrite()) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN, null, "a VIEWER may not ask for budget increases");
    }
    if (newLimit == null) {
      throw invalid("newLimit", "newLimit is required");
    }
    if (newLimit.signum() <= 0) {
      throw invalid("newLimit", "must be greater than 0");
    }
    CostEventService.money("newLimit", newLimit);
    if (justification == null || justification.isBlank()) {
      throw invalid("justification", "justification is required");
    }
    if (justification.length() > MAX_TEXT) {
      throw invalid("justification", "at most %d characters".formatted(MAX_TEXT));
    }
    Budget budget =
        budgets.byIdForUpdate(budgetId).orElseThrow(() -> BudgetService.notFound(budgetId));
    BigDecimal current = budget.limit();
    if (newLimit.compareTo(current) <= 0) {
      throw invalid(
          "newLimit",
          "an increase must be above the current limit of %s".formatted(Money.exact(current)));
    }
    BigDecimal spent = budgetService.view(budget).status().spent();
    if (newLimit.compareTo(spent) < 0) {
      throw invalid(
          "newLimit", "must be at least the current spend of %s".formatted(Money.exact(spent)));
    }
    Instant now = clock.instant();
    boolean approval = needsApproval(actor.user(), current, newLimit);
    IncreaseRequest request =
        new IncreaseRequest(
            budgetId,
            current,
            newLimit,
            justification,
            actor.username(),
            budget.approver(),
            approval ? IncreaseStatus.PENDING : IncreaseStatus.APPLIED,
            now,
            now.plus(EXPIRES_AFTER));
    requests.add(request);
    if (!approval) {
      budgetService.changeLimit(actor, budget, newLimit, justification, Optional.empty());
    }
    audit.record(actor, change(AuditAction.INCREASE_REQUESTED, request, null, request.approver()));
    return request;
  }

  /**
   * Whether an increase from {@code current} to {@code newLimit} asked for by {@code requester}
   * waits for an approver: when it is more than {@link #APPROVAL_RATIO} times the current limit,
   * above {@link #APPROVAL_AMOUNT}, or asked for by someone who is neither an ADMIN nor a
   * BUDGET_MANAGER.
   */
  public static boolean needsApproval(User requester, BigDecimal current, BigDecimal newLimit) {
    return newLimit.compareTo(current.multiply(APPROVAL_RATIO)) > 0
        || newLimit.compareTo(APPROVAL_AMOUNT) > 0
        || !(requester.hasRole(Role.ADMIN) || requester.hasRole(Role.BUDGET_MANAGER));
  }

  /**
   * The request, expired first if it has waited too long.
   *
   * @throws RequestRefusedException 404 for an unknown request
   */
  @Transactional
  public IncreaseRequest get(long id) {
    IncreaseRequest request = requests.byIdForUpdate(id).orElseThrow(() -> notFound(id));
    expireIfDue(request);
    return request;
  }

  /**
   * Approves a pending request and applies its new limit, in one transaction.
   *
   * @throws RequestRefusedException 404 for an unknown request; 403 for the requester, for someone
   *     other than the budget's approver or an ADMIN, or (when the budget names none) someone who
   *     is neither an APPROVER nor an ADMIN; 409 when the request is no longer pending (an expired
   *     one is recorded as expired even so)
   */
  @Transactional(dontRollbackOn = RequestRefusedException.class)
  public IncreaseRequest approve(Actor actor, long id) {
    IncreaseRequest request = decidable(actor, id);
    Budget budget =
        budgets
            .byIdForUpdate(request.budgetId())
            .orElseThrow(() -> BudgetService.notFound(request.budgetId()));
    BigDecimal before = budget.limit();
    if (request.newLimit().compareTo(before) <= 0) {
      throw new RequestRefusedException(
          Reason.CONFLICT,
          null,
          "the budget's limit is already %s, not below the requested %s"
              .formatted(Money.exact(before), Money.exact(request.newLimit())));
    }
    budgetService.changeLimit(
        actor, budget, request.newLimit(), request.justification(), Optional.of(actor.username()));
    request.decide(
        IncreaseStatus.APPROVED, Optional.of(actor.username()), Optional.empty(), clock.instant());
    audit.record(
        actor, change(AuditAction.INCREASE_APPROVED, request, null, Optional.of(actor.username())));
    return request;
  }

  /**
   * Rejects a pending request; the limit stays as it is.
   *
   * @throws RequestRefusedException as {@link #approve}, and 400 naming {@code reason} without one
   */
  @Transactional(dontRollbackOn = RequestRefusedException.class)
  public IncreaseRequest reject(Actor actor, long id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw invalid("reason", "reason is required");
    }
    if (reason.length() > MAX_TEXT) {
      throw invalid("reason", "at most %d characters".formatted(MAX_TEXT));
    }
    IncreaseRequest request = decidable(actor, id);
    request.decide(
        IncreaseStatus.REJECTED,
        Optional.of(actor.username()),
        Optional.of(reason),
        clock.instant());
    audit.record(actor, change(AuditAction.INCREASE_REJECTED, request, reason, Optional.empty()));
    return request;
  }

  /** The request, locked, once {@code actor} may decide it and it is still pending. */
  private IncreaseRequest decidable(Actor actor, long id) {
    IncreaseRequest request = requests.byIdForUpdate(id).orElseThrow(() -> notFound(id));
    boolean expired = expireIfDue(request);
    mayDecide(actor.user(), request);
    if (request.status() != IncreaseStatus.PENDING) {
      throw new RequestRefusedException(
          Reason.CONFLICT,
          null,
          expired
              ? "increase request %d expired at %s".formatted(id, request.expiresAt())
              : "increase request %d is %s".formatted(id, request.status().apiName()));
    }
    return request;
  }

  /**
   * Checks that {@code user} may approve or reject {@code request}, so that a face can refuse
   * before asking for more (a reason); {@link #approve} and {@link #reject} check it again.
   *
   * @throws RequestRefusedException FORBIDDEN for the requester and anyone but its deciders
   */
  public static void mayDecide(User user, IncreaseRequest request) {
    refusal(user, request)
        .ifPresent(
            message -> {
              throw new RequestRefusedException(Reason.FORBIDDEN, null, message);
            });
  }

  /** Why {@code user} may not decide {@code request}; empty when they may. */
  private static Optional<String> refusal(User user, IncreaseRequest request) {
    if (user.username().equals(request.requestedBy())) {
      return Optional.of("nobody may approve or reject their own increase request");
    }
    if (user.hasRole(Role.ADMIN)) {
      return Optional.empty();
    }
    if (request.approver().isPresent()) {
      if (!request.approver().get().equals(user.username())) {
        return Optional.of(
            "only %s (the budget's approver) or an ADMIN may decide this request"
                .formatted(request.approver().get()));
      }
    } else if (!user.hasRole(Role.APPROVER)) {
      return Optional.of("only an APPROVER or an ADMIN may decide increase requests");
    }
    return Optional.empty();
  }

  /**
   * The pending requests {@code user} may decide, oldest first; those whose time is up are left out
   * (they expire when next read or decided).
   */
  public List<IncreaseRequest> pendingFor(User user) {
    Instant now = clock.instant();
    return requests.pending().stream()
        .filter(r -> now.isBefore(r.expiresAt()))
        .filter(r -> refusal(user, r).isEmpty())
        .toList();
  }

  /**
   * Who decides an increase of {@code budgetId}'s limit when one needs approval, in words: the
   * budget's approver, else any APPROVER (an ADMIN may always decide).
   */
  public String approverOf(long budgetId) {
    return budgets
        .byId(budgetId)
        .flatMap(Budget::approver)
        .map(name -> name + " (the budget's approver)")
        .orElse("any user with the APPROVER role");
  }

  /** Requests expired per transaction of the sweep; the next run takes the rest. */
  static final int EXPIRY_BATCH = 100;

  /**
   * The scheduled expiry sweep (every minute, on every instance): expires the pending requests
   * whose 24 h are up, each once — with one {@code increase.expired} audit entry — however many
   * instances sweep at once, since each takes the rows it locks and skips those others hold, and a
   * request once expired is no longer pending. Reads and decisions still expire a due request
   * lazily, so nobody sees one pending past its time between sweeps.
   *
   * @return the requests this call expired (for the Slack side to reply in their threads)
   */
  @Transactional
  public List<IncreaseRequest> expireDue() {
    List<IncreaseRequest> expired = new ArrayList<>();
    for (IncreaseRequest request : requests.dueForExpiryForUpdate(clock.instant(), EXPIRY_BATCH)) {
      if (expireIfDue(request)) {
        expired.add(request);
      }
    }
    return expired;
  }

  /** Expires a pending request whose time is up (audited as done by Costguard itself). */
  private boolean expireIfDue(IncreaseRequest request) {
    Instant now = clock.instant();
    if (request.status() != IncreaseStatus.PENDING || now.isBefore(request.expiresAt())) {
      return false;
    }
    request.decide(IncreaseStatus.EXPIRED, Optional.empty(), Optional.empty(), now);
    audit.recordBySystem(change(AuditAction.INCREASE_EXPIRED, request, null, request.approver()));
    return true;
  }

  private static AuditedChange change(
      AuditAction action, IncreaseRequest request, String reason, Optional<String> approver) {
    JsonObjectBuilder oldValue =
        Json.createObjectBuilder().add("limit", Money.exact(request.currentLimit()));
    JsonObjectBuilder newValue =
        Json.createObjectBuilder()
            .add("increaseRequest", request.id())
            .add("limit", Money.exact(request.newLimit()))
            .add("status", request.status().apiName());
    if (reason != null) {
      newValue.add("reason", reason);
    }
    return new AuditedChange(
        action,
        AuditedChange.BUDGET,
        String.valueOf(request.budgetId()),
        Optional.of(oldValue.build().toString()),
        Optional.of(newValue.build().toString()),
        Optional.of(BudgetAudit.changePercent(request.currentLimit(), request.newLimit())),
        Optional.of(request.justification()),
        approver);
  }

  private static RequestRefusedException notFound(long id) {
    return new RequestRefusedException(
        Reason.NOT_FOUND, null, "there is no increase request " + id);
  }
}
