/**
 * Pricing of metered cost events: versioned rate cards ({@link com.costguard.cost.rate.RateCard}),
 * the rate in force at an instant ({@link com.costguard.cost.rate.RateCardBook}) and the savings of
 * reused work ({@link com.costguard.cost.rate.ReuseSavings}). Pure Java, no I/O, no clock: every
 * instant is a parameter. Amounts are exact; only {@link com.costguard.cost.Money} rounds.
 */
package com.costguard.cost.rate;
