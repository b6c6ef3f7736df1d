package com.costguard.model.audit;

import java.util.Optional;

/**
 * Checks the audit chain one entry at a time, in seq order, so a long log is checked without
 * holding it in memory. Stops at the first broken link: an entry whose content no longer matches
 * its hash (changed), whose {@code prevHash} is not the hash of the entry before it (an entry
 * before it was rewritten with a new hash, or entries were swapped), a seq that does not follow the
 * one before (removed or reordered), or a last entry that is not the one the head records (removed
 * from the end).
 *
 * <p>The chain shows that entries were not changed after they were written; it cannot stop someone
 * able to rewrite the whole table and its head from rewriting them consistently. Keeping the head's
 * hash elsewhere now and then (an export, a ticket) anchors what came before.
 */
public final class AuditChain {

  private long intact;
  private String lastHash = AuditEntry.GENESIS;
  private ChainVerification broken;

  /**
   * Checks the next entry.
   *
   * @return whether the chain is still intact
   */
  public boolean next(AuditEntry entry) {
    if (broken != null) {
      return false;
    }
    long expected = intact + 1;
    if (entry.seq() > expected) {
      return breakAt(
          expected,
          "entry %d is missing: entry %d follows entry %d"
              .formatted(expected, entry.seq(), intact));
    }
    if (entry.seq() < expected) {
      return breakAt(
          entry.seq(),
          "entry %d is out of place: it follows entry %d".formatted(entry.seq(), intact));
    }
    if (!entry.computedHash().equals(entry.hash())) {
      return breakAt(
          entry.seq(),
          "entry %d was changed: its content does not match its hash".formatted(entry.seq()));
    }
    if (!entry.prevHash().equals(lastHash)) {
      return breakAt(
          entry.seq(),
          expected == 1
              ? "entry 1 does not start the chain: its prevHash is not the genesis hash"
              : "entry %d does not follow entry %d: its prevHash is not entry %d's hash"
                  .formatted(entry.seq(), intact, intact));
    }
    intact = entry.seq();
    lastHash = entry.hash();
    return true;
  }

  /** The verdict once every entry up to the head's has been given to {@link #next}. */
  public ChainVerification end(AuditHead head) {
    if (broken != null) {
      return broken;
    }
    if (intact < head.lastSeq()) {
      return ChainVerification.broken(
          intact,
          intact + 1,
          "entry %d is missing: the log ends at entry %d, the head records %d entries"
              .formatted(intact + 1, intact, head.lastSeq()));
    }
    if (intact > head.lastSeq()) {
      return ChainVerification.broken(
          head.lastSeq(),
          head.lastSeq() + 1,
          "entry %d is not recorded in the head, which ends at entry %d"
              .formatted(head.lastSeq() + 1, head.lastSeq()));
    }
    if (!lastHash.equals(head.lastHash())) {
      return ChainVerification.broken(
          Math.max(intact - 1, 0),
          intact,
          "entry %d is not the entry the head records: its hash differs".formatted(intact));
    }
    return ChainVerification.intact(intact);
  }

  /** The first break found so far, if any. */
  public Optional<ChainVerification> broken() {
    return Optional.ofNullable(broken);
  }

  private boolean breakAt(long seq, String reason) {
    broken = ChainVerification.broken(intact, seq, reason);
    return false;
  }
}
