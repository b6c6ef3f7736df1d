package com.costguard.application;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A summary's groups in a fixed order, held in a few arrays instead of an object or five per group
 * (map entry, name, its bytes, group, cost). The spending summary keeps a range's groups for later
 * requests ({@link SpendingService}), a month's 34,000 sessions at issue 8's scale; as a {@code
 * LinkedHashMap} they were some 170,000 young objects, which each young collection copied while
 * they were kept. Over the benchmark's 43 reads of month-long ranges not read before, each kept in
 * turn, young collections paused the server 562 ms in all, up to 36 ms at a time (JFR, {@code
 * --only reads}); held here, 112 ms, up to 10 ms, and in full runs the reads' p95 went from 102 to
 * 75 ms. Arrays are copied whole, and those of half a heap region or more not at all.
 *
 * <p>Read-only. Names and groups are made as they are read, so {@link #get} scans the names; the
 * summary's users iterate.
 */
final class GroupTable extends AbstractMap<String, SpendingSummary.Group> {

  /** The names, in UTF-8, one after another; the i-th ends at {@code ends[i]}. */
  private final byte[] names;

  private final int[] ends;
  private final long[] counts;

  /** Each cost's unscaled value, all of {@link #scale}; null when some cost is not of that form. */
  private final long[] unscaled;

  private final int scale;

  /** The costs themselves, when {@link #unscaled} is null. */
  private final BigDecimal[] costs;

  private GroupTable(
      byte[] names, int[] ends, long[] counts, long[] unscaled, int scale, BigDecimal[] costs) {
    this.names = names;
    this.ends = ends;
    this.counts = counts;
    this.unscaled = unscaled;
    this.scale = scale;
    this.costs = costs;
  }

  /** The groups in the order given. */
  static GroupTable of(List<Map.Entry<String, SpendingSummary.Group>> groups) {
    int size = groups.size();
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    int[] ends = new int[size];
    long[] counts = new long[size];
    BigDecimal[] costs = new BigDecimal[size];
    for (int i = 0; i < size; i++) {
      Map.Entry<String, SpendingSummary.Group> group = groups.get(i);
      names.writeBytes(group.getKey().getBytes(StandardCharsets.UTF_8));
      ends[i] = names.size();
      counts[i] = group.getValue().count();
      costs[i] = group.getValue().cost();
    }
    long[] unscaled = unscaled(costs);
    byte[] bytes = names.toByteArray();
    return unscaled == null
        ? new GroupTable(bytes, ends, counts, null, 0, costs)
        : new GroupTable(bytes, ends, counts, unscaled, size == 0 ? 0 : costs[0].scale(), null);
  }

  /**
   * The costs' unscaled values, when all have the same scale and fit a long (sums of amounts with
   * six decimals, as the database answers them); null otherwise.
   */
  private static long[] unscaled(BigDecimal[] costs) {
    long[] unscaled = new long[costs.length];
    for (int i = 0; i < costs.length; i++) {
      BigInteger value = costs[i].unscaledValue();
      if (costs[i].scale() != costs[0].scale() || value.bitLength() > 63) {
        return null;
      }
      unscaled[i] = value.longValue();
    }
    return unscaled;
  }

  private static int start(int[] ends, int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  private String name(int i) {
    int start = start(ends, i);
    return new String(names, start, ends[i] - start, StandardCharsets.UTF_8);
  }

  private SpendingSummary.Group group(int i) {
    BigDecimal cost = unscaled == null ? costs[i] : BigDecimal.valueOf(unscaled[i], scale);
    return new SpendingSummary.Group(cost, counts[i]);
  }

  /** The index of the name, or -1. */
  private int indexOf(Object key) {
    if (!(key instanceof String name)) {
      return -1;
    }
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < ends.length; i++) {
      if (Arrays.equals(names, start(ends, i), ends[i], wanted, 0, wanted.length)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return ends.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public SpendingSummary.Group get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : group(i);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super SpendingSummary.Group> action) {
    for (int i = 0; i < ends.length; i++) {
      action.accept(name(i), group(i));
    }
  }

  @Override
  public Set<Map.Entry<String, SpendingSummary.Group>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return ends.length;
      }

      @Override
      public Iterator<Map.Entry<String, SpendingSummary.Group>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < ends.length;
          }

          @Override
          public Map.Entry<String, SpendingSummary.Group> next() {
            if (next >= ends.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(name(i), group(i));
          }
        };
      }
    };
  }
}
