package com.costguard.cost.job;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How far the projections made at 50% progress were from the final costs of completed jobs: the
 * mean absolute percentage error, overall, by GPU type and by pricing tier (SPEC §2). "Projections
 * typically ±12% accurate based on 47 completed jobs."
 *
 * <p>Each job's error is |projected − final| / final; a group's figure is the mean of its jobs'
 * errors × 100, rounded to two decimals. Jobs whose final cost is 0 have no error to measure and
 * are left out (and not counted).
 *
 * @param jobsCompared the jobs the figures are based on
 * @param overall empty when no job could be compared
 * @param byGpuType GPU types in alphabetical order; only types with a compared job
 * @param byPricing pricing tiers in {@link Pricing} order; only tiers with a compared job
 */
public record ProjectionAccuracy(
    int jobsCompared,
    Optional<BigDecimal> overall,
    Map<String, BigDecimal> byGpuType,
    Map<Pricing, BigDecimal> byPricing) {

  public ProjectionAccuracy {
    byGpuType = Collections.unmodifiableMap(new TreeMap<>(byGpuType));
    byPricing =
        byPricing.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byPricing));
  }

  public static ProjectionAccuracy of(Collection<ProjectionOutcome> outcomes) {
    List<ProjectionOutcome> compared =
        outcomes.stream().filter(ProjectionOutcome::measurable).toList();
    return new ProjectionAccuracy(
        compared.size(),
        compared.isEmpty() ? Optional.empty() : Optional.of(meanAbsolutePercentError(compared)),
        byGroup(compared, ProjectionOutcome::gpuType),
        byGroup(compared, ProjectionOutcome::pricing));
  }

  private static <K> Map<K, BigDecimal> byGroup(
      List<ProjectionOutcome> outcomes, Function<ProjectionOutcome, K> key) {
    Map<K, List<ProjectionOutcome>> groups = new LinkedHashMap<>();
    for (ProjectionOutcome outcome : outcomes) {
      groups.computeIfAbsent(key.apply(outcome), k -> new ArrayList<>()).add(outcome);
    }
    Map<K, BigDecimal> errors = new LinkedHashMap<>();
    groups.forEach((group, members) -> errors.put(group, meanAbsolutePercentError(members)));
    return errors;
  }

  private static BigDecimal meanAbsolutePercentError(List<ProjectionOutcome> outcomes) {
    BigDecimal sum =
        outcomes.stream()
            .map(ProjectionOutcome::absoluteError)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return Money.percent(sum, BigDecimal.valueOf(outcomes.size()));
  }
}
