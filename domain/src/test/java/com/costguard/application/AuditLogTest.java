package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditFilter;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.audit.ChainVerification;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogTest {

  private static final Instant NOW = Instant.parse("2026-03-02T13:00:00Z");
  private static final User ALICE = user("alice", Role.BUDGET_MANAGER);
  private static final User BOB = user("bob", Role.ADMIN);

  private final InMemoryAuditRepository stored = new InMemoryAuditRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private final AuditLog audit = new AuditLog();

  @BeforeEach
  void wire() {
    audit.log = stored;
    audit.clock = clock;
  }

  private static User user(String name, Role role) {
    return new User(name, name + "@example.com", name, EnumSet.of(role), null, NOW);
  }

  private static AuditedChange change(AuditAction action, long budget) {
    return AuditedChange.of(
        action, AuditedChange.BUDGET, budget, Optional.empty(), Optional.of("{\"n\":1}"));
  }

  /** {@code count} entries a minute apart, alternately by Alice (created) and Bob (reset). */
  private void recorded(int count) {
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        audit.record(Actor.api(ALICE), change(AuditAction.BUDGET_CREATED, i));
      } else {
        audit.record(Actor.portal(BOB), change(AuditAction.BUDGET_RESET, i));
      }
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void entriesAreNumberedFromOneAndChained() {
    AuditEntry first = audit.record(Actor.api(ALICE), change(AuditAction.BUDGET_CREATED, 1));
    clock.advance(Duration.ofNanos(1_234_567));
    AuditEntry second = audit.recordBySystem(change(AuditAction.BUDGET_RESET, 1));

    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.prevHash()).isEqualTo(AuditEntry.GENESIS);
    assertThat(first.actor()).isEqualTo("alice");
    assertThat(first.channel()).isEqualTo("api");
    assertThat(first.at()).isEqualTo(NOW);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(second.actor()).isEqualTo("system");
    assertThat(second.channel()).isEqualTo("system");
    assertThat(second.at()).isEqualTo(NOW.plusNanos(1_234_000));
    assertThat(stored.head.lastSeq()).isEqualTo(2);
    assertThat(stored.head.lastHash()).isEqualTo(second.hash());
  }

  @Test
  void entriesAreReadNewestFirstFilteredAndPaged() {
    recorded(7);

    AuditPage all = audit.entries(ALICE, AuditFilter.ALL, 0, 3);
    assertThat(all.entries()).extracting(AuditEntry::seq).containsExactly(7L, 6L, 5L);
    assertThat(all.total()).isEqualTo(7);
    assertThat(audit.entries(ALICE, AuditFilter.ALL, 6, 3).entries())
        .extracting(AuditEntry::seq)
        .containsExactly(1L);

    AuditFilter byBob =
        new AuditFilter(Optional.of("bob"), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(audit.entries(ALICE, byBob, 0, 50).entries())
        .extracting(AuditEntry::seq)
        .containsExactly(6L, 4L, 2L);

    AuditFilter resetsInMinutes2To4 =
        new AuditFilter(
            Optional.empty(),
            Optional.of(NOW.plus(Duration.ofMinutes(2))),
            Optional.of(NOW.plus(Duration.ofMinutes(5))),
            Optional.of(AuditAction.BUDGET_RESET));
    AuditPage page = audit.entries(ALICE, resetsInMinutes2To4, 0, 50);
    assertThat(page.entries()).extracting(AuditEntry::seq).containsExactly(4L);
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void badPagesAndPeriodsAreRefusedNamingTheField() {
    assertField(() -> audit.entries(ALICE, AuditFilter.ALL, -1, 10), "offset");
    assertField(() -> audit.entries(ALICE, AuditFilter.ALL, 0, 0), "limit");
    assertField(() -> audit.entries(ALICE, AuditFilter.ALL, 0, AuditLog.MAX_PAGE + 1), "limit");
    AuditFilter backwards =
        new AuditFilter(
            Optional.empty(), Optional.of(NOW), Optional.of(NOW.minusSeconds(1)), Optional.empty());
    assertField(() -> audit.entries(ALICE, backwards, 0, 10), "to");
    AuditFilter farAway =
        new AuditFilter(
            Optional.empty(),
            Optional.of(Instant.parse("+10000-01-01T00:00:00Z")),
            Optional.empty(),
            Optional.empty());
    assertField(() -> audit.entries(ALICE, farAway, 0, 10), "from");
    assertField(() -> AuditLog.action("budget.renamed"), "action");
    assertThat(AuditLog.action("budget.limit_changed")).isEqualTo(AuditAction.BUDGET_LIMIT_CHANGED);
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
              assertThat(e.field()).contains(field);
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMIN", "BUDGET_MANAGER", "APPROVER"})
  void managersAndApproversReadTheLog(Role role) {
    recorded(1);
    User reader = user("r", role);

    assertThat(audit.entries(reader, AuditFilter.ALL, 0, 10).total()).isEqualTo(1);
    assertThat(audit.verify(reader).ok()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ENGINEER", "VIEWER"})
  void engineersAndViewersDoNot(Role role) {
    User reader = user("r", role);
    List<Runnable> reads =
        List.of(
            () -> audit.entries(reader, AuditFilter.ALL, 0, 10),
            () -> audit.export(reader, AuditFilter.ALL),
            () -> audit.verify(reader));

    for (Runnable read : reads) {
      assertThatThrownBy(read::run).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
    }
  }

  @Test
  void anExportStreamsEveryMatchingEntryNewestFirst() {
    recorded(2 * AuditLog.BATCH + 5);

    List<Long> seqs = audit.export(ALICE, AuditFilter.ALL).map(AuditEntry::seq).toList();

    assertThat(seqs).hasSize(2 * AuditLog.BATCH + 5);
    assertThat(seqs.get(0)).isEqualTo(2L * AuditLog.BATCH + 5);
    assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(seqs.get(seqs.size() - 1)).isEqualTo(1L);
  }

  @Test
  void verifyingChecksTheWholeChainInBatches() {
    recorded(AuditLog.BATCH + 10);

    assertThat(audit.verify(ALICE)).isEqualTo(ChainVerification.intact(AuditLog.BATCH + 10));
  }

  @Test
  void verifyingFindsTheFirstTamperedEntryBeyondTheFirstBatch() throws Exception {
    recorded(AuditLog.BATCH + 10);
    AuditEntry tampered = stored.stored.get(AuditLog.BATCH + 2); // seq BATCH + 3
    Field newValue = AuditEntry.class.getDeclaredField("newValue");
    newValue.setAccessible(true);
    newValue.set(tampered, "{\"n\":2}");

    ChainVerification verdict = audit.verify(BOB);

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.brokenAt()).contains((long) AuditLog.BATCH + 3);
    assertThat(verdict.entries()).isEqualTo(AuditLog.BATCH + 2);
  }
}
