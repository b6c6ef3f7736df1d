package com.costguard.infrastructure.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Which instance does a schedule's work for a time slot (SPEC §7: scheduled work runs once per
 * cluster). Every instance runs every schedule; before a run it {@linkplain #claim claims} the
 * slot, and the {@code schedule_runs} primary key lets exactly one claim through.
 *
 * <p>Why the database and not Payara's Hazelcast (a clustered singleton or a grid lock): every
 * piece of work these schedules do writes to this one database anyway, so the database is where
 * "once" can be decided for good. A Hazelcast lock outside its CP subsystem is not safe when the
 * grid splits (each half would elect its own holder), and instances started with {@code
 * --nocluster} on one database would not see each other at all. A winner that crashes in its run
 * loses only that slot: the sweep catches up in the next minute, and a missed snapshot slot is a
 * gap in a chart. The work itself is harmless if doubled (alerts fire against a unique key,
 * snapshots against the slot's key, expiry under row locks); the claim saves the double work.
 */
@ApplicationScoped
public class ScheduleRuns {

  /** Rows older than this are deleted by later claims; they only tell who ran what. */
  static final Duration KEEP = Duration.ofDays(7);

  /** This JVM, as {@code pid@host}. */
  static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  /**
   * Claims {@code slot} of {@code schedule} for this instance, in a transaction of its own.
   *
   * @return true for exactly one caller per schedule and slot across all instances
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(String schedule, Instant slot, Instant now) {
    int inserted =
        em.createNativeQuery(
                "insert ignore into schedule_runs (schedule, slot, instance, started_at)"
                    + " values (?, ?, ?, ?)")
            .setParameter(1, schedule)
            .setParameter(2, utc(slot))
            .setParameter(3, INSTANCE)
            .setParameter(4, utc(now))
            .executeUpdate();
    if (inserted == 1) {
      em.createNativeQuery("delete from schedule_runs where schedule = ? and slot < ?")
          .setParameter(1, schedule)
          .setParameter(2, utc(slot.minus(KEEP)))
          .executeUpdate();
    }
    return inserted == 1;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
