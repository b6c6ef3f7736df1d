package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.attribution.PriorityTier;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientDetails;
import com.costguard.model.client.Project;
import com.costguard.model.client.ProjectDetails;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientServiceTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final InMemoryClientRepository repository = new InMemoryClientRepository();
  private final ClientService service = new ClientService();
  private final InMemoryAuditRepository auditLog = new InMemoryAuditRepository();

  @BeforeEach
  void wire() {
    ClientService.Writer writer = new ClientService.Writer();
    writer.clients = repository;
    writer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    writer.audit = new AuditLog();
    writer.audit.log = auditLog;
    writer.audit.clock = writer.clock;
    service.clients = repository;
    service.writer = writer;
  }

  private static User user(Role role) {
    return new User(
        role.name().toLowerCase(), role + "@example.com", role.name(), EnumSet.of(role), null, NOW);
  }

  private static ClientDetails acme(String tier) {
    return new ClientDetails("Acme Financial", "ACME", Optional.of("Finance"), tier);
  }

  private static ProjectDetails project(Long clientId, LocalDate start, LocalDate end) {
    return new ProjectDetails(
        "Q1",
        clientId,
        "ACME-Q1",
        Optional.ofNullable(start),
        Optional.ofNullable(end),
        Optional.of(new BigDecimal("25000")),
        Optional.empty());
  }

  private static void refused(ThrowingCallable call, Reason reason, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.field()).isEqualTo(Optional.ofNullable(field));
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMIN", "BUDGET_MANAGER"})
  void managersCreateClientsAndProjects(Role role) {
    Client client = service.create(user(role), acme("a"));
    assertThat(client.priorityTier()).isEqualTo(PriorityTier.A);
    Project p = service.create(user(role), project(client.id(), null, null));
    assertThat(p.otherCosts()).isEqualByComparingTo("0");
    assertThat(service.projects()).containsExactly(p);
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"APPROVER", "ENGINEER", "VIEWER"})
  void othersMayNot(Role role) {
    refused(() -> service.create(user(role), acme("A")), Reason.FORBIDDEN, null);
    assertThat(service.clients()).isEmpty();
  }

  @Test
  void invalidDetailsAreRefusedNamingTheField() {
    User admin = user(Role.ADMIN);
    refused(() -> service.create(admin, acme("D")), Reason.VALIDATION, "priorityTier");
    refused(() -> service.create(admin, acme(null)), Reason.VALIDATION, "priorityTier");
    refused(
        () -> service.create(admin, new ClientDetails("", "X", Optional.empty(), "A")),
        Reason.VALIDATION,
        "name");
    refused(
        () -> service.create(admin, new ClientDetails("X", "=cmd", Optional.empty(), "A")),
        Reason.VALIDATION,
        "code");
    Client client = service.create(admin, acme("B"));
    refused(() -> service.create(admin, acme("C")), Reason.CONFLICT, "code");
    refused(() -> service.create(admin, project(99L, null, null)), Reason.VALIDATION, "clientId");
    refused(
        () ->
            service.create(
                admin, project(client.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))),
        Reason.VALIDATION,
        "endDate");
    assertThat(service.projects()).isEmpty();
  }

  @Test
  void updatesReplaceDetailsAndKeepCodesUnique() {
    User admin = user(Role.ADMIN);
    Client acme = service.create(admin, acme("A"));
    service.create(admin, new ClientDetails("Beta", "BETA", Optional.empty(), "C"));
    Client changed =
        service.update(admin, acme.id(), new ClientDetails("Acme", "ACME", Optional.empty(), "B"));
    assertThat(changed.name()).isEqualTo("Acme");
    assertThat(changed.industry()).isEmpty();
    refused(
        () ->
            service.update(
                admin, acme.id(), new ClientDetails("Acme", "BETA", Optional.empty(), "B")),
        Reason.CONFLICT,
        "code");
    refused(() -> service.update(admin, 99, acme("A")), Reason.NOT_FOUND, null);
  }

  @Test
  void onlyAnAdminSetsATiersAllocation() {
    for (Role role : List.of(Role.BUDGET_MANAGER, Role.VIEWER, Role.APPROVER, Role.ENGINEER)) {
      refused(
          () -> service.setMonthlyAllocation(Actor.portal(user(role)), "A", BigDecimal.ONE),
          Reason.FORBIDDEN,
          null);
    }
    refused(
        () -> service.setMonthlyAllocation(admin(), "A", new BigDecimal("-1")),
        Reason.VALIDATION,
        "monthlyAllocation");
    refused(
        () -> service.setMonthlyAllocation(admin(), "D", BigDecimal.ONE),
        Reason.VALIDATION,
        "tier");
    assertThat(auditLog.stored).isEmpty();
    assertThat(service.setMonthlyAllocation(admin(), "a", new BigDecimal("250")))
        .containsEntry(PriorityTier.A, new BigDecimal("250"))
        .containsEntry(PriorityTier.B, new BigDecimal("150"));
  }

  @Test
  void aTierChangeIsAuditedWithItsOldAndNewAmount() {
    service.setMonthlyAllocation(admin(), "A", new BigDecimal("250"));
    service.setMonthlyAllocation(admin(), "A", new BigDecimal("250.00")); // no change, no entry
    assertThat(auditLog.stored).hasSize(1);
    var entry = auditLog.stored.get(0);
    assertThat(entry.action()).isEqualTo("tier.allocation_changed");
    assertThat(entry.subjectType()).isEqualTo("priority_tier");
    assertThat(entry.subjectId()).isEqualTo("A");
    assertThat(entry.actor()).isEqualTo("admin");
    assertThat(entry.oldValue()).contains("{\"monthlyAllocation\":200.00}");
    assertThat(entry.newValue()).contains("{\"monthlyAllocation\":250.00}");
    assertThat(entry.changePercent()).contains(new BigDecimal("25.00"));
  }

  @Test
  void onlyAnAdminTurnsATiersRolloverOnAndOffAudited() {
    refused(
        () -> service.setRollover(Actor.api(user(Role.BUDGET_MANAGER)), "B", true),
        Reason.FORBIDDEN,
        null);
    assertThat(service.rolloverTiers()).isEmpty();
    assertThat(service.setRollover(admin(), "b", true)).containsExactly(PriorityTier.B);
    assertThat(service.setRollover(admin(), "B", true)).containsExactly(PriorityTier.B);
    assertThat(service.setRollover(admin(), "B", false)).isEmpty();
    assertThat(auditLog.stored)
        .extracting(
            e -> e.action() + " " + e.oldValue().orElseThrow() + " " + e.newValue().orElseThrow())
        .containsExactly(
            "tier.rollover_changed {\"rollover\":false} {\"rollover\":true}",
            "tier.rollover_changed {\"rollover\":true} {\"rollover\":false}");
  }

  private static Actor admin() {
    return Actor.portal(user(Role.ADMIN));
  }
}
