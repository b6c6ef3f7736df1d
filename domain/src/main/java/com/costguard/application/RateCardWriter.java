package com.costguard.application;

import com.costguard.cost.rate.RateCard;
import com.costguard.model.ratecard.NewRateCard;
import com.costguard.model.ratecard.RateCardRepository;
import com.costguard.model.ratecard.RateCardVersion;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Stores one validated rate card as its pair's next version, in one transaction. */
@ApplicationScoped
public class RateCardWriter {

  @Inject RateCardRepository cards;
  @Inject Clock clock;

  @Transactional
  public RateCardVersion add(User actor, NewRateCard card) {
    int version = cards.latestVersion(card.operationType(), card.unitType()).orElse(0) + 1;
    RateCardVersion stored =
        new RateCardVersion(
            new RateCard(
                card.operationType(), card.unitType(), card.price(), card.effectiveFrom(), version),
            actor.id(),
            clock.instant());
    cards.add(stored);
    cards.flush();
    return stored;
  }
}
