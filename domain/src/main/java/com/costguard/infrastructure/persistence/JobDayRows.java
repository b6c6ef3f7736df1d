package com.costguard.infrastructure.persistence;

import com.costguard.cost.budget.JobAccrual;
import com.costguard.model.job.JobDays;
import com.costguard.model.job.JobDimension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What finished jobs add to (or, with a negative sign, take from) the daily rollups ({@code V28}):
 * summed in memory per dimension, value and day, then added to the stored rows of one shard by one
 * upsert, in one fixed order, as {@link SpendHours} does for the cost events.
 */
final class JobDayRows {

  /** One rollup row's key; a null value is "no value", as in {@code jobs}. */
  record Key(JobDimension dimension, String value, LocalDate day) {}

  /** Sums of one rollup row. */
  static final class Sums {
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO;
    long ran;
    long started;
    long continuing;
  }

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::dimension)
          .thenComparing(Key::value, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Key::day);

  final TreeMap<Key, Sums> rows = new TreeMap<>(ORDER);

  /** Each job's own days ({@code job_day_costs}): what it accrued on each, not floored. */
  private final List<Object[]> jobDays = new ArrayList<>();

  /** Adds the job's days under each dimension, {@code sign} times (1 to add, -1 to take back). */
  void add(JobDays job, int sign) {
    BigDecimal times = BigDecimal.valueOf(sign);
    for (Map.Entry<LocalDate, JobAccrual.Day> day : job.days().entrySet()) {
      if (sign > 0) { // a job's own days do not depend on its attribution: they stay as they are
        jobDays.add(new Object[] {job.job().id(), day.getKey(), day.getValue().net()});
      }
      for (JobDimension dimension : JobDimension.values()) {
        Sums sums =
            rows.computeIfAbsent(
                new Key(dimension, dimension.of(job.job()).orElse(null), day.getKey()),
                k -> new Sums());
        sums.amount = sums.amount.add(day.getValue().amount().multiply(times));
        sums.net = sums.net.add(day.getValue().net().multiply(times));
        sums.ran += sign;
        sums.started += job.startsOn(day.getKey()) ? sign : 0;
        sums.continuing += job.continuesAfter(day.getKey()) ? sign : 0;
      }
    }
  }

  /**
   * Adds the sums to the rows of {@code zone}'s days in one shard ({@link SpendHours#nextShard}),
   * and stores each job's own days (again, unchanged, for a job added back after an edit).
   */
  void write(Connection connection, ZoneId zone, int shard) throws SQLException {
    if (!jobDays.isEmpty()) {
      StringBuilder sql = new StringBuilder("insert into job_day_costs (job_id, day, net) values ");
      sql.append(String.join(",", Collections.nCopies(jobDays.size(), "(?,?,?)")));
      sql.append(" on duplicate key update net = values(net)");
      try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
        int p = 1;
        for (Object[] day : jobDays) {
          statement.setLong(p++, (Long) day[0]);
          statement.setDate(p++, Date.valueOf((LocalDate) day[1]));
          statement.setBigDecimal(p++, (BigDecimal) day[2]);
        }
        statement.executeUpdate();
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "insert into job_days (zone, day, dimension, value, shard, amount, net, ran, started,"
                + " continuing) values ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)");
    }
    sql.append(
        " on duplicate key update amount = amount + values(amount), net = net + values(net),"
            + " ran = ran + values(ran), started = started + values(started),"
            + " continuing = continuing + values(continuing)");
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (Map.Entry<Key, Sums> row : rows.entrySet()) {
        statement.setString(p++, zone.getId());
        statement.setDate(p++, Date.valueOf(row.getKey().day()));
        statement.setString(p++, row.getKey().dimension().column());
        statement.setString(p++, row.getKey().value());
        statement.setInt(p++, shard);
        statement.setBigDecimal(p++, row.getValue().amount);
        statement.setBigDecimal(p++, row.getValue().net);
        statement.setLong(p++, row.getValue().ran);
        statement.setLong(p++, row.getValue().started);
        statement.setLong(p++, row.getValue().continuing);
      }
      statement.executeUpdate();
    }
  }
}
