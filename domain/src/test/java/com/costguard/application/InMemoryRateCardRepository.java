package com.costguard.application;

import com.costguard.model.ratecard.RateCardRepository;
import com.costguard.model.ratecard.RateCardVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rate card port held in memory; counts how often the cards are read for pricing. */
class InMemoryRateCardRepository implements RateCardRepository {

  final List<RateCardVersion> stored = new ArrayList<>();
  int pricingReads;

  @Override
  public List<RateCardVersion> list(Optional<String> operationType, Optional<String> unitType) {
    return stored.stream()
        .filter(c -> operationType.map(c.operationType()::equals).orElse(true))
        .filter(c -> unitType.map(c.unitType()::equals).orElse(true))
        .sorted(
            Comparator.comparing(RateCardVersion::effectiveFrom)
                .thenComparingInt(RateCardVersion::version)
                .reversed())
        .toList();
  }

  @Override
  public List<RateCardVersion> forOperationTypes(Collection<String> operationTypes) {
    pricingReads++;
    return stored.stream().filter(c -> operationTypes.contains(c.operationType())).toList();
  }

  @Override
  public Optional<RateCardVersion> byId(long id) {
    return stored.stream().filter(c -> Long.valueOf(id).equals(c.id())).findFirst();
  }

  @Override
  public Optional<Integer> latestVersion(String operationType, String unitType) {
    return stored.stream()
        .filter(c -> c.operationType().equals(operationType) && c.unitType().equals(unitType))
        .map(RateCardVersion::version)
        .max(Integer::compare);
  }

  @Override
  public void add(RateCardVersion card) {
    stored.add(card);
  }

  @Override
  public void flush() {}
}
