package com.costguard.application;

import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditFilter;
import com.costguard.model.audit.AuditHead;
import com.costguard.model.audit.AuditRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The audit log held in memory, for service tests without a database. */
class InMemoryAuditRepository implements AuditRepository {

  /** As stored, in the order appended; tests may change it to play at tampering. */
  final List<AuditEntry> stored = new ArrayList<>();

  AuditHead head = AuditHead.EMPTY;

  @Override
  public AuditHead headForUpdate() {
    return head;
  }

  @Override
  public AuditHead head() {
    return head;
  }

  @Override
  public void append(AuditEntry entry, AuditHead head) {
    if (!head.equals(this.head) || stored.stream().anyMatch(e -> e.seq() == entry.seq())) {
      throw new IllegalStateException("appended out of turn");
    }
    stored.add(entry);
    this.head = head.after(entry);
  }

  @Override
  public List<AuditEntry> newestFirst(AuditFilter filter, long upToSeq, int offset, int limit) {
    return matching(filter, upToSeq)
        .sorted(Comparator.comparingLong(AuditEntry::seq).reversed())
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(AuditFilter filter, long upToSeq) {
    return matching(filter, upToSeq).count();
  }

  private Stream<AuditEntry> matching(AuditFilter filter, long upToSeq) {
    return stored.stream()
        .filter(e -> e.seq() <= upToSeq)
        .filter(e -> filter.actor().map(e.actor()::equals).orElse(true))
        .filter(e -> filter.from().map(from -> !e.at().isBefore(from)).orElse(true))
        .filter(e -> filter.to().map(to -> e.at().isBefore(to)).orElse(true))
        .filter(e -> filter.action().map(a -> a.wireName().equals(e.action())).orElse(true));
  }

  @Override
  public List<AuditEntry> chain(long afterSeq, long upToSeq, int limit) {
    return stored.stream()
        .filter(e -> e.seq() > afterSeq && e.seq() <= upToSeq)
        .sorted(Comparator.comparingLong(AuditEntry::seq))
        .limit(limit)
        .toList();
  }
}
