package com.costguard.model.audit;

import java.util.List;

/** The stored audit log: appended to, read, never changed. */
public interface AuditRepository {

  /**
   * The end of the chain, locked until the current transaction ends: whoever holds it is the only
   * one appending, on any instance, so seqs are gapless and each entry chains to the one before.
   */
  AuditHead headForUpdate();

  /** The end of the chain as committed now, without locking it. */
  AuditHead head();

  /** Stores the entry and moves the head to it, in the caller's transaction. */
  void append(AuditEntry entry, AuditHead head);

  /**
   * Newest first (by seq): at most {@code limit} entries that match, skipping {@code offset} of
   * them, among those with a seq up to {@code upToSeq}.
   */
  List<AuditEntry> newestFirst(AuditFilter filter, long upToSeq, int offset, int limit);

  /** How many entries match, among those with a seq up to {@code upToSeq}. */
  long count(AuditFilter filter, long upToSeq);

  /** In chain order: at most {@code limit} entries after {@code afterSeq} up to {@code upToSeq}. */
  List<AuditEntry> chain(long afterSeq, long upToSeq, int limit);
}
