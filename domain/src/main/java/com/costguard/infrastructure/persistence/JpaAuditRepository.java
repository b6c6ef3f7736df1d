package com.costguard.infrastructure.persistence;

import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditFilter;
import com.costguard.model.audit.AuditHead;
import com.costguard.model.audit.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log in {@code audit_log} and its head in the one row of {@code audit_head}. The head is
 * read and moved with plain SQL ({@code SELECT … FOR UPDATE}), so the lock and the values come from
 * the database itself, whichever instance asks.
 */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

  private static final String HEAD = "select last_seq, last_hash from audit_head where id = 1";

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public AuditHead headForUpdate() {
    return head(HEAD + " for update");
  }

  @Override
  public AuditHead head() {
    return head(HEAD);
  }

  private AuditHead head(String sql) {
    Object[] row = (Object[]) em.createNativeQuery(sql).getSingleResult();
    return new AuditHead(((Number) row[0]).longValue(), (String) row[1]);
  }

  @Override
  public void append(AuditEntry entry, AuditHead head) {
    em.persist(entry);
    em.flush();
    int moved =
        em.createNativeQuery(
                "update audit_head set last_seq = ?, last_hash = ? where id = 1 and last_seq = ?")
            .setParameter(1, entry.seq())
            .setParameter(2, entry.hash())
            .setParameter(3, head.lastSeq())
            .executeUpdate();
    if (moved != 1) {
      throw new IllegalStateException(
          "the audit head moved while locked: expected entry " + head.lastSeq());
    }
  }

  @Override
  public List<AuditEntry> newestFirst(AuditFilter filter, long upToSeq, int offset, int limit) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    TypedQuery<AuditEntry> query =
        em.createQuery(
            "select e from AuditEntry e where "
                + conditions(filter, upToSeq, parameters)
                + " order by e.seq desc",
            AuditEntry.class);
    parameters.forEach(query::setParameter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(AuditFilter filter, long upToSeq) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    TypedQuery<Long> query =
        em.createQuery(
            "select count(e) from AuditEntry e where " + conditions(filter, upToSeq, parameters),
            Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  private static String conditions(
      AuditFilter filter, long upToSeq, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("e.seq <= :upTo");
    parameters.put("upTo", upToSeq);
    filter
        .actor()
        .ifPresent(
            actor -> {
              conditions.add("e.actor = :actor");
              parameters.put("actor", actor);
            });
    filter
        .from()
        .ifPresent(
            from -> {
              conditions.add("e.at >= :from");
              parameters.put("from", from);
            });
    filter
        .to()
        .ifPresent(
            to -> {
              conditions.add("e.at < :to");
              parameters.put("to", to);
            });
    filter
        .action()
        .ifPresent(
            action -> {
              conditions.add("e.action = :action");
              parameters.put("action", action.wireName());
            });
    return String.join(" and ", conditions);
  }

  @Override
  public List<AuditEntry> chain(long afterSeq, long upToSeq, int limit) {
    return em.createQuery(
            "select e from AuditEntry e where e.seq > :after and e.seq <= :upTo order by e.seq",
            AuditEntry.class)
        .setParameter("after", afterSeq)
        .setParameter("upTo", upToSeq)
        .setMaxResults(limit)
        .getResultList();
  }
}
