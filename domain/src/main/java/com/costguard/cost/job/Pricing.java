package com.costguard.cost.job;

/** The pricing tier a job runs on. */
public enum Pricing {
  SPOT,
  ON_DEMAND
}
