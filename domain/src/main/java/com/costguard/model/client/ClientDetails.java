package com.costguard.model.client;

import java.util.Optional;

/** A client as someone enters it, to create or replace one; not yet validated. */
public record ClientDetails(
    String name, String code, Optional<String> industry, String priorityTier) {}
