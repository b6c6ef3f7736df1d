package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseStatus;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncreaseRequestServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static final Actor ADMIN = actor("root", Role.ADMIN);
  private static final Actor MANAGER = actor("mona", Role.BUDGET_MANAGER);
  private static final Actor ENGINEER = actor("eve", Role.ENGINEER);
  private static final Actor VIEWER = actor("vic", Role.VIEWER);
  private static final Actor APPROVER = actor("alice", Role.APPROVER);
  private static final Actor OTHER_APPROVER = actor("bob", Role.APPROVER);

  private final InMemoryBudgetRepository budgets = new InMemoryBudgetRepository();
  private final InMemoryAuditRepository auditLog = new InMemoryAuditRepository();
  private final InMemoryIncreaseRequestRepository requests =
      new InMemoryIncreaseRequestRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private final IncreaseRequestService service = new IncreaseRequestService();
  private BudgetService budgetService;

  @BeforeEach
  void wire() {
    BudgetAlerts alerts = Alerting.wired(budgets, new InMemoryCostEventRepository(), clock);
    budgetService = alerts.budgetService;
    InMemoryUserRepository users = (InMemoryUserRepository) budgetService.users;
    for (Actor a : List.of(ADMIN, MANAGER, ENGINEER, VIEWER, APPROVER, OTHER_APPROVER)) {
      users.add(a.user());
    }
    budgetService.audit.log = auditLog;
    service.requests = requests;
    service.budgets = budgets;
    service.budgetService = budgetService;
    service.audit = budgetService.audit;
    service.clock = clock;
  }

  private static Actor actor(String name, Role role) {
    return Actor.api(new User(name, name + "@example.com", name, EnumSet.of(role), null, NOW));
  }

  private long budget(String limit, Optional<String> approver) {
    return budgetService
        .create(
            ADMIN,
            new BudgetDefinition(
                "Acme",
                "calendar_month",
                new BigDecimal(limit),
                List.of(80, 95, 100),
                true,
                BudgetScope.wholeOrganisation(),
                false,
                false,
                approver,
                Optional.empty()))
        .budget()
        .id();
  }

  private BigDecimal limitOf(long budgetId) {
    return budgets.byId(budgetId).orElseThrow().limit();
  }

  private List<String> actions() {
    return auditLog.stored.stream().map(AuditEntry::action).toList();
  }

  @ParameterizedTest
  @CsvSource({
    // current, new, needs approval (for a BUDGET_MANAGER)
    "500, 600, false", // exactly 1.2 x
    "500, 600.000001, true", // just above 1.2 x
    "900, 1000, false", // exactly $1,000
    "900, 1000.01, true", // just above $1,000
    "1000, 1100, true", // small step but above $1,000
  })
  void approvalIsNeededAbove20PercentOrAboveAThousand(
      String current, String newLimit, boolean needed) {
    assertThat(
            IncreaseRequestService.needsApproval(
                MANAGER.user(), new BigDecimal(current), new BigDecimal(newLimit)))
        .isEqualTo(needed);
    assertThat(
            IncreaseRequestService.needsApproval(
                ADMIN.user(), new BigDecimal(current), new BigDecimal(newLimit)))
        .isEqualTo(needed);
    assertThat(
            IncreaseRequestService.needsApproval(
                ENGINEER.user(), new BigDecimal(current), new BigDecimal(newLimit)))
        .isTrue();
  }

  @Test
  void eachDeciderSeesThePendingRequestsTheyMayDecide() {
    long named = budget("500", Optional.of("alice"));
    long unnamed = budget("500", Optional.empty());
    var forAlice = service.request(ENGINEER, named, new BigDecimal("550"), "more runs");
    var forAnyApprover = service.request(MANAGER, unnamed, new BigDecimal("900"), "more runs");
    service.request(MANAGER, unnamed, new BigDecimal("550"), "applied at once");

    assertThat(service.pendingFor(APPROVER.user()))
        .extracting(IncreaseRequest::id)
        .containsExactly(forAlice.id(), forAnyApprover.id());
    assertThat(service.pendingFor(OTHER_APPROVER.user()))
        .extracting(IncreaseRequest::id)
        .containsExactly(forAnyApprover.id());
    assertThat(service.pendingFor(ADMIN.user())).hasSize(2);
    assertThat(service.pendingFor(MANAGER.user())).isEmpty(); // its own, and not an approver
    assertThat(service.pendingFor(VIEWER.user())).isEmpty();
    assertThat(service.approverOf(named)).isEqualTo("alice (the budget's approver)");
    assertThat(service.approverOf(unnamed)).isEqualTo("any user with the APPROVER role");

    clock.advance(IncreaseRequestService.EXPIRES_AFTER);

    assertThat(service.pendingFor(ADMIN.user())).isEmpty();
  }

  @Test
  void aSmallIncreaseByABudgetManagerAppliesAtOnce() {
    long id = budget("500", Optional.empty());

    IncreaseRequest request = service.request(MANAGER, id, new BigDecimal("600"), "more runs");

    assertThat(request.status()).isEqualTo(IncreaseStatus.APPLIED);
    assertThat(limitOf(id)).isEqualByComparingTo("600");
    assertThat(actions())
        .containsExactly("budget.created", "budget.limit_changed", "increase.requested");
    AuditEntry changed = auditLog.stored.get(1);
    assertThat(changed.actor()).isEqualTo("mona");
    assertThat(changed.channel()).isEqualTo("api");
    assertThat(changed.changePercent()).contains(new BigDecimal("20.00"));
    assertThat(changed.justification()).contains("more runs");
  }

  @Test
  void anEngineersRequestWaitsForAnApproverWhoAppliesIt() {
    long id = budget("500", Optional.empty());

    IncreaseRequest request = service.request(ENGINEER, id, new BigDecimal("550"), "needed");
    assertThat(request.status()).isEqualTo(IncreaseStatus.PENDING);
    assertThat(request.approver()).isEmpty();
    assertThat(limitOf(id)).isEqualByComparingTo("500");

    IncreaseRequest approved = service.approve(APPROVER, request.id());

    assertThat(approved.status()).isEqualTo(IncreaseStatus.APPROVED);
    assertThat(approved.decidedBy()).contains("alice");
    assertThat(limitOf(id)).isEqualByComparingTo("550");
    assertThat(actions())
        .containsExactly(
            "budget.created", "increase.requested", "budget.limit_changed", "increase.approved");
    assertThat(auditLog.stored.get(2).approver()).contains("alice");
    assertThat(auditLog.stored.get(3).actor()).isEqualTo("alice");
  }

  @Test
  void nobodyApprovesTheirOwnRequest() {
    long id = budget("500", Optional.empty());
    IncreaseRequest request = service.request(APPROVER, id, new BigDecimal("5000"), "big");

    refused(() -> service.approve(APPROVER, request.id()), Reason.FORBIDDEN);
    assertThat(request.status()).isEqualTo(IncreaseStatus.PENDING);
    assertThat(limitOf(id)).isEqualByComparingTo("500");
  }

  @Test
  void onlyTheBudgetsApproverOrAnAdminDecides() {
    long id = budget("500", Optional.of("alice"));
    IncreaseRequest request = service.request(ENGINEER, id, new BigDecimal("700"), "big");
    assertThat(request.approver()).contains("alice");

    refused(() -> service.approve(OTHER_APPROVER, request.id()), Reason.FORBIDDEN);
    refused(() -> service.approve(MANAGER, request.id()), Reason.FORBIDDEN);
    assertThat(limitOf(id)).isEqualByComparingTo("500");

    assertThat(service.approve(ADMIN, request.id()).status()).isEqualTo(IncreaseStatus.APPROVED);
  }

  @Test
  void withoutANamedApproverOnlyApproversOrAdminsDecide() {
    long id = budget("500", Optional.empty());
    IncreaseRequest request = service.request(ENGINEER, id, new BigDecimal("700"), "big");

    refused(() -> service.approve(MANAGER, request.id()), Reason.FORBIDDEN);
    refused(() -> service.reject(VIEWER, request.id(), "no"), Reason.FORBIDDEN);
  }

  @Test
  void aRejectionNeedsAReasonAndLeavesTheLimit() {
    long id = budget("500", Optional.empty());
    IncreaseRequest request = service.request(ENGINEER, id, new BigDecimal("700"), "big");

    refused(() -> service.reject(APPROVER, request.id(), " "), Reason.VALIDATION);
    IncreaseRequest rejected = service.reject(APPROVER, request.id(), "not this month");

    assertThat(rejected.status()).isEqualTo(IncreaseStatus.REJECTED);
    assertThat(rejected.reason()).contains("not this month");
    assertThat(limitOf(id)).isEqualByComparingTo("500");
    assertThat(actions()).endsWith("increase.rejected");
    refused(() -> service.approve(OTHER_APPROVER, request.id()), Reason.CONFLICT);
  }

  @Test
  void aPendingRequestExpiresAfter24Hours() {
    long id = budget("500", Optional.empty());
    IncreaseRequest request = service.request(ENGINEER, id, new BigDecimal("700"), "big");

    clock.set(NOW.plus(Duration.ofHours(24)).minusNanos(1000));
    assertThat(service.get(request.id()).status()).isEqualTo(IncreaseStatus.PENDING);

    clock.set(NOW.plus(Duration.ofHours(24)));
    refused(() -> service.approve(APPROVER, request.id()), Reason.CONFLICT);

    assertThat(service.get(request.id()).status()).isEqualTo(IncreaseStatus.EXPIRED);
    assertThat(limitOf(id)).isEqualByComparingTo("500");
    AuditEntry expired = auditLog.stored.get(auditLog.stored.size() - 1);
    assertThat(expired.action()).isEqualTo("increase.expired");
    assertThat(expired.actor()).isEqualTo("system");
  }

  @Test
  void theSweepExpiresEachDueRequestOnceAndReturnsThem() {
    long id = budget("500", Optional.empty());
    IncreaseRequest first = service.request(ENGINEER, id, new BigDecimal("700"), "big");
    clock.set(NOW.plus(Duration.ofHours(1)));
    IncreaseRequest second = service.request(ENGINEER, id, new BigDecimal("800"), "bigger");
    IncreaseRequest applied = service.request(ADMIN, id, new BigDecimal("550"), "small");

    clock.set(NOW.plus(Duration.ofHours(24)).minusNanos(1000));
    assertThat(service.expireDue()).isEmpty();

    clock.set(NOW.plus(Duration.ofHours(24)));
    assertThat(service.expireDue()).containsExactly(first);
    assertThat(first.status()).isEqualTo(IncreaseStatus.EXPIRED);
    assertThat(second.status()).isEqualTo(IncreaseStatus.PENDING);

    clock.set(NOW.plus(Duration.ofHours(30)));
    assertThat(service.expireDue()).containsExactly(second);
    assertThat(service.expireDue()).isEmpty();
    assertThat(applied.status()).isEqualTo(IncreaseStatus.APPLIED);
    assertThat(actions().stream().filter("increase.expired"::equals)).hasSize(2);
    assertThat(service.get(first.id()).status()).isEqualTo(IncreaseStatus.EXPIRED);
    assertThat(actions().stream().filter("increase.expired"::equals))
        .as("a read of an expired request expires nothing again")
        .hasSize(2);
  }

  @Test
  void viewersMayNotAsk() {
    long id = budget("500", Optional.empty());
    refused(() -> service.request(VIEWER, id, new BigDecimal("550"), "x"), Reason.FORBIDDEN);
  }

  @Test
  void theRequestIsValidatedNamingTheField() {
    long id = budget("500", Optional.empty());
    invalid(() -> service.request(ENGINEER, id, null, "x"), "newLimit");
    invalid(() -> service.request(ENGINEER, id, new BigDecimal("-1"), "x"), "newLimit");
    invalid(() -> service.request(ENGINEER, id, new BigDecimal("500"), "x"), "newLimit");
    invalid(() -> service.request(ENGINEER, id, new BigDecimal("1e13"), "x"), "newLimit");
    invalid(() -> service.request(ENGINEER, id, new BigDecimal("600.0000001"), "x"), "newLimit");
    invalid(() -> service.request(ENGINEER, id, new BigDecimal("600"), " "), "justification");
    invalid(
        () -> service.request(ENGINEER, id, new BigDecimal("600"), "x".repeat(2001)),
        "justification");
    refused(() -> service.request(ENGINEER, 999, new BigDecimal("600"), "x"), Reason.NOT_FOUND);
    assertThat(requests.stored).isEmpty();
  }

  private static void refused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RequestRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void invalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
              assertThat(e.field()).contains(field);
            });
  }
}
