package com.costguard.application;

import com.costguard.model.costevent.NewCostEvent;
import java.math.BigDecimal;

/** A validated event and what it costs: its own amount, or its units priced by a rate card. */
public record PricedEvent(NewCostEvent event, BigDecimal amount) {}
