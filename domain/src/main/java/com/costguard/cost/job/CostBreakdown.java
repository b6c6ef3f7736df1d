package com.costguard.cost.job;

import java.math.BigDecimal;
import java.util.List;

/**
 * The displayed lines a job's current cost is made of: GPU time by stage (in {@link Stage} order,
 * stages without time left out), one line per interruption (in the order they happened) and
 * storage. Every amount is already rounded to cents, so the totals here add up to what is shown.
 */
public record CostBreakdown(
    List<GpuLine> gpu, List<InterruptionLine> interruptions, StorageLine storage) {

  public CostBreakdown {
    gpu = List.copyOf(gpu);
    interruptions = List.copyOf(interruptions);
  }

  public BigDecimal gpuTotal() {
    return gpu.stream().map(GpuLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal interruptionTotal() {
    return interruptions.stream()
        .map(InterruptionLine::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The current cost: the sum of every displayed line. */
  public BigDecimal total() {
    return gpuTotal().add(interruptionTotal()).add(storage.amount());
  }
}
