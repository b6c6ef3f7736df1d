package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditChain;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditFilter;
import com.costguard.model.audit.AuditHead;
import com.costguard.model.audit.AuditRepository;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.audit.ChainVerification;
import com.costguard.model.audit.Channel;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit log (SPEC §4, §7): services record every change they make in the transaction that makes
 * it, so an entry exists exactly when its change was committed; ADMINs, BUDGET_MANAGERs and
 * APPROVERs read it and check its chain.
 *
 * <p>Appends lock the head of the chain in the database ({@link AuditRepository#headForUpdate()})
 * until the change commits: appends from every thread and instance happen one after another, seqs
 * have no gaps, and a rolled-back change takes its entry with it. Services record last, after
 * locking what they change, so the head is held briefly and always after the other locks.
 */
@ApplicationScoped
public class AuditLog {

  /** The actor of what Costguard does by itself (e.g. expiring a request). */
  public static final String SYSTEM = "system";

  public static final int DEFAULT_PAGE = 50;
  public static final int MAX_PAGE = 500;

  /** Entries read at a time when checking or exporting the whole log. */
  static final int BATCH = 1000;

  private static final String ACTIONS =
      Arrays.stream(AuditAction.values())
          .map(AuditAction::wireName)
          .collect(Collectors.joining(", "));

  /** DATETIME's range; outside it a filter could not be compared. */
  private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  @Inject AuditRepository log;
  @Inject Clock clock;

  /**
   * Appends what {@code actor} changed. Must run in the transaction of the change.
   *
   * @return the entry, hashed and chained
   */
  @Transactional(TxType.MANDATORY)
  public AuditEntry record(Actor actor, AuditedChange change) {
    return append(actor.username(), actor.channel(), change);
  }

  /** Appends what Costguard changed by itself (actor {@code system}, channel {@code system}). */
  @Transactional(TxType.MANDATORY)
  public AuditEntry recordBySystem(AuditedChange change) {
    return append(SYSTEM, Channel.SYSTEM, change);
  }

  private AuditEntry append(String actor, Channel channel, AuditedChange change) {
    AuditHead head = log.headForUpdate();
    AuditEntry entry =
        new AuditEntry(
            head.lastSeq() + 1, clock.instant(), actor, channel, change, head.lastHash());
    log.append(entry, head);
    return entry;
  }

  /**
   * A page of the entries that match, newest first.
   *
   * @throws RequestRefusedException 403 unless {@code reader} is an ADMIN, BUDGET_MANAGER or
   *     APPROVER; 400 for a bad page or period
   */
  public AuditPage entries(User reader, AuditFilter filter, int offset, int limit) {
    mayRead(reader);
    validate(filter);
    if (offset < 0) {
      throw invalid("offset", "offset must not be negative");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw invalid("limit", "limit must be from 1 to %d".formatted(MAX_PAGE));
    }
    // Up to the head as it is now, so that the page and the total agree.
    long upTo = log.head().lastSeq();
    return new AuditPage(
        log.newestFirst(filter, upTo, offset, limit), log.count(filter, upTo), offset, limit);
  }

  /**
   * Every entry that matches, newest first, for exports of any length: read a batch at a time as
   * the stream is consumed, up to the head as it is now.
   *
   * @throws RequestRefusedException as {@link #entries}, at once, before anything is read
   */
  public Stream<AuditEntry> export(User reader, AuditFilter filter) {
    mayRead(reader);
    validate(filter);
    long upTo = log.head().lastSeq();
    return Stream.iterate(
            log.newestFirst(filter, upTo, 0, BATCH),
            batch -> !batch.isEmpty(),
            batch ->
                batch.size() < BATCH
                    ? List.of()
                    : log.newestFirst(filter, batch.get(batch.size() - 1).seq() - 1, 0, BATCH))
        .flatMap(List::stream);
  }

  /**
   * Checks the whole chain up to its head, oldest first, and reports the first broken link.
   *
   * @throws RequestRefusedException 403 unless {@code reader} may read the log
   */
  public ChainVerification verify(User reader) {
    mayRead(reader);
    AuditHead head = log.head();
    AuditChain chain = new AuditChain();
    long after = 0;
    while (true) {
      List<AuditEntry> batch = log.chain(after, head.lastSeq(), BATCH);
      for (AuditEntry entry : batch) {
        if (!chain.next(entry)) {
          return chain.end(head);
        }
      }
      if (batch.size() < BATCH) {
        return chain.end(head);
      }
      after = batch.get(batch.size() - 1).seq();
    }
  }

  /**
   * The action named {@code wireName}.
   *
   * @throws RequestRefusedException VALIDATION naming {@code action} for any other name
   */
  public static AuditAction action(String wireName) {
    return AuditAction.fromWireName(wireName)
        .orElseThrow(() -> invalid("action", "action must be one of " + ACTIONS));
  }

  /** An ADMIN, a BUDGET_MANAGER or an APPROVER: reads the log (API and portal alike). */
  public static boolean canRead(User reader) {
    return reader.hasRole(Role.ADMIN)
        || reader.hasRole(Role.BUDGET_MANAGER)
        || reader.hasRole(Role.APPROVER);
  }

  private static void mayRead(User reader) {
    if (!canRead(reader)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN,
          null,
          "only an ADMIN, a BUDGET_MANAGER or an APPROVER may read the audit log");
    }
  }

  private static void validate(AuditFilter filter) {
    filter.from().ifPresent(from -> inRange("from", from));
    filter.to().ifPresent(to -> inRange("to", to));
    if (filter.from().isPresent()
        && filter.to().isPresent()
        && !filter.to().get().isAfter(filter.from().get())) {
      throw invalid("to", "to must be after from");
    }
  }

  private static void inRange(String field, Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw invalid(field, field + " must be between the years 1000 and 9999");
    }
  }
}
