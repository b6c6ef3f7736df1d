package com.costguard.cost.job;

/**
 * What a job is doing, as reported by its progress events. Billed GPU time is split by stage; only
 * {@link #TRAINING} time measures training speed.
 */
public enum Stage {
  LOADING,
  PREPROCESSING,
  TRAINING,
  FINALIZING
}
