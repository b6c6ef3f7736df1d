package com.costguard.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final Instant AT = Instant.parse("2026-03-02T13:00:00.123456789Z");

  private static AuditedChange limitChange(Optional<String> justification) {
    return new AuditedChange(
        AuditAction.BUDGET_LIMIT_CHANGED,
        AuditedChange.BUDGET,
        "12",
        Optional.of("{\"limit\":500.00}"),
        Optional.of("{\"limit\":750.50}"),
        Optional.of(new BigDecimal("50.1")),
        justification,
        Optional.empty());
  }

  private static AuditEntry first() {
    return new AuditEntry(
        1,
        AT,
        "zoë",
        Channel.API,
        limitChange(Optional.of("Q4 training\nrun")),
        AuditEntry.GENESIS);
  }

  @Test
  void theCanonicalFormIsTheDocumentedOne() {
    assertThat(first().canonicalForm())
        .isEqualTo(
            """
            costguard-audit-v1
            seq=1:1
            at=27:2026-03-02T13:00:00.123456Z
            actor=4:zoë
            channel=3:api
            action=20:budget.limit_changed
            subjectType=6:budget
            subjectId=2:12
            oldValue=16:{"limit":500.00}
            newValue=16:{"limit":750.50}
            changePercent=5:50.10
            justification=15:Q4 training
            run
            approver=-
            prevHash=64:0000000000000000000000000000000000000000000000000000000000000000
            """);
  }

  @Test
  void theHashIsTheSha256OfTheCanonicalForm() {
    // Computed apart from this code (Python's hashlib over the documented form).
    assertThat(first().hash())
        .isEqualTo("599a8c4243ac7647204e6832e65f44bd006b88a28efd3cf91da0b585e486e86e");
    assertThat(first().computedHash()).isEqualTo(first().hash());
  }

  @Test
  void anInstantIsKeptAndWrittenToTheMicrosecond() {
    AuditEntry onTheSecond =
        new AuditEntry(
            1,
            Instant.parse("2026-03-02T13:00:00Z"),
            "zoë",
            Channel.API,
            limitChange(Optional.empty()),
            AuditEntry.GENESIS);

    assertThat(first().at()).isEqualTo(Instant.parse("2026-03-02T13:00:00.123456Z"));
    assertThat(onTheSecond.canonicalForm()).contains("\nat=27:2026-03-02T13:00:00.000000Z\n");
  }

  @Test
  void anAbsentFieldDiffersFromAnEmptyOne() {
    AuditEntry absent =
        new AuditEntry(
            1, AT, "zoë", Channel.API, limitChange(Optional.empty()), AuditEntry.GENESIS);
    AuditEntry empty =
        new AuditEntry(1, AT, "zoë", Channel.API, limitChange(Optional.of("")), AuditEntry.GENESIS);

    assertThat(absent.canonicalForm()).contains("\njustification=-\n");
    assertThat(empty.canonicalForm()).contains("\njustification=0:\n");
    assertThat(absent.hash()).isNotEqualTo(empty.hash());
  }

  @Test
  void eachEntryChainsToTheHashBeforeIt() {
    AuditEntry first = first();
    AuditEntry second =
        new AuditEntry(
            2,
            AT.plusSeconds(1),
            "admin",
            Channel.PORTAL,
            limitChange(Optional.empty()),
            first.hash());

    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(second.canonicalForm()).endsWith("\nprevHash=64:" + first.hash() + "\n");
    AuditEntry afterAnother =
        new AuditEntry(
            2,
            AT.plusSeconds(1),
            "admin",
            Channel.PORTAL,
            limitChange(Optional.empty()),
            AuditEntry.GENESIS);
    assertThat(afterAnother.hash()).isNotEqualTo(second.hash());
  }

  @Test
  void changingAnyFieldChangesTheComputedHash() {
    Object[][] changes = {
      {"seq", 2L},
      {"at", AT.plusNanos(1000)},
      {"actor", "zoe"},
      {"channel", "slack"},
      {"action", "budget.updated"},
      {"subjectType", "job"},
      {"subjectId", "13"},
      {"oldValue", "{\"limit\":500.01}"},
      {"newValue", null},
      {"changePercent", new BigDecimal("50.11")},
      {"justification", "Q4 training run"},
      {"approver", "admin"},
      {"prevHash", "1".repeat(64)},
    };
    for (Object[] change : changes) {
      AuditEntry entry = first();
      String hash = entry.hash();

      Tampering.set(entry, (String) change[0], change[1]);

      assertThat(entry.computedHash()).as((String) change[0]).isNotEqualTo(hash);
    }
  }

  @Test
  void aChangePercentIsWrittenPlainlyWithTwoDecimals() {
    AuditEntry decrease =
        new AuditEntry(
            1,
            AT,
            "a",
            Channel.API,
            limitChange(Optional.empty()).withChangePercent(Optional.of(new BigDecimal("-1E+1"))),
            AuditEntry.GENESIS);

    assertThat(decrease.changePercent()).contains(new BigDecimal("-10.00"));
    assertThat(decrease.canonicalForm()).contains("\nchangePercent=6:-10.00\n");
  }
}
