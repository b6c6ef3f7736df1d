package com.costguard.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final Instant T0 = Instant.parse("2026-03-02T13:00:00Z");

  /** Five entries chained as the application appends them, and the head after the last. */
  private final List<AuditEntry> log = new ArrayList<>();

  private AuditHead head = AuditHead.EMPTY;

  private void append(int count) {
    for (int i = 0; i < count; i++) {
      AuditEntry entry =
          new AuditEntry(
              head.lastSeq() + 1,
              T0.plusSeconds(head.lastSeq()),
              "alice",
              Channel.API,
              AuditedChange.of(
                  AuditAction.BUDGET_UPDATED,
                  AuditedChange.BUDGET,
                  7,
                  Optional.of("{\"enabled\":true}"),
                  Optional.of("{\"enabled\":false}")),
              head.lastHash());
      log.add(entry);
      head = head.after(entry);
    }
  }

  private ChainVerification verify() {
    AuditChain chain = new AuditChain();
    for (AuditEntry entry : log) {
      if (!chain.next(entry)) {
        break;
      }
    }
    return chain.end(head);
  }

  private AuditEntry seq(long seq) {
    return log.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
  }

  @Test
  void anEmptyLogIsIntact() {
    assertThat(verify()).isEqualTo(ChainVerification.intact(0));
  }

  @Test
  void anUntouchedChainIsIntactWithItsCount() {
    append(5);

    assertThat(verify()).isEqualTo(ChainVerification.intact(5));
  }

  @Test
  void aChangedFieldBreaksTheChainAtThatEntry() {
    append(5);
    Tampering.set(seq(3), "newValue", "{\"enabled\":true}");

    ChainVerification verdict = verify();

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.brokenAt()).contains(3L);
    assertThat(verdict.entries()).isEqualTo(2);
    assertThat(verdict.reason()).hasValueSatisfying(r -> assertThat(r).contains("changed"));
  }

  @Test
  void aChangeWithARecomputedHashBreaksTheLinkToTheNextEntry() {
    append(5);
    Tampering.forge(seq(3), "actor", "mallory");

    ChainVerification verdict = verify();

    assertThat(verdict.brokenAt()).contains(4L);
    assertThat(verdict.reason())
        .hasValueSatisfying(r -> assertThat(r).contains("does not follow entry 3"));
  }

  @Test
  void aRewrittenFirstEntryNoLongerStartsTheChain() {
    append(2);
    Tampering.forge(seq(1), "prevHash", "f".repeat(64));

    assertThat(verify().brokenAt()).contains(1L);
    assertThat(verify().reason()).hasValueSatisfying(r -> assertThat(r).contains("genesis"));
  }

  @Test
  void aDeletedEntryIsReportedAsMissing() {
    append(5);
    log.remove(seq(3));

    ChainVerification verdict = verify();

    assertThat(verdict.brokenAt()).contains(3L);
    assertThat(verdict.reason())
        .hasValueSatisfying(r -> assertThat(r).contains("entry 3 is missing"));
  }

  @Test
  void entriesDeletedFromTheEndAreMissingFromTheHead() {
    append(5);
    log.remove(seq(5));
    log.remove(seq(4));

    ChainVerification verdict = verify();

    assertThat(verdict.brokenAt()).contains(4L);
    assertThat(verdict.entries()).isEqualTo(3);
    assertThat(verdict.reason())
        .hasValueSatisfying(r -> assertThat(r).contains("the head records 5 entries"));
  }

  @Test
  void theLastEntryMustBeTheOneTheHeadRecords() {
    append(3);
    Tampering.forge(seq(3), "actor", "mallory");

    assertThat(verify().brokenAt()).contains(3L);
    assertThat(verify().reason())
        .hasValueSatisfying(r -> assertThat(r).contains("not the entry the head records"));
  }

  @Test
  void reorderedEntriesBreakTheChainWhereTheOrderChanges() {
    append(5);
    Collections.swap(log, 1, 2); // read as 1, 3, 2, 4, 5

    ChainVerification verdict = verify();

    assertThat(verdict.brokenAt()).contains(2L);
    assertThat(verdict.reason())
        .hasValueSatisfying(r -> assertThat(r).contains("entry 2 is missing"));
  }

  @Test
  void swappedSeqsBreakTheChainAtTheFirstOfThem() {
    append(5);
    // Two rows exchange their places in the chain: each now claims the other's seq.
    AuditEntry second = seq(2);
    AuditEntry third = seq(3);
    Tampering.set(second, "seq", 3L);
    Tampering.set(third, "seq", 2L);
    Collections.swap(log, 1, 2); // read in seq order, as the database would return them

    ChainVerification verdict = verify();

    assertThat(verdict.brokenAt()).contains(2L);
    assertThat(verdict.reason()).hasValueSatisfying(r -> assertThat(r).contains("changed"));
  }

  @Test
  void anEntryAppendedBehindTheHeadIsNoticed() {
    append(3);
    AuditHead recorded = head;
    append(1);
    head = recorded;

    assertThat(verify().brokenAt()).contains(4L);
  }
}
