package com.costguard.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles of measured samples. */
final class Stats {

  private Stats() {}

  static double median(List<Double> samples) {
    return percentile(samples, 50);
  }

  /** The nearest-rank percentile; NaN when there are no samples. */
  static double percentile(List<Double> samples, double percent) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
