package com.costguard.model.audit;

/**
 * The end of the chain as recorded beside it: the last entry's seq and hash. Appending locks it, so
 * appends happen one at a time on every instance; verifying compares the last entry with it, so an
 * entry removed from the end is noticed too.
 *
 * @param lastSeq 0 while the log is empty
 * @param lastHash {@link AuditEntry#GENESIS} while the log is empty
 */
public record AuditHead(long lastSeq, String lastHash) {

  public static final AuditHead EMPTY = new AuditHead(0, AuditEntry.GENESIS);

  /** The head once {@code entry} is appended. */
  public AuditHead after(AuditEntry entry) {
    return new AuditHead(entry.seq(), entry.hash());
  }
}
