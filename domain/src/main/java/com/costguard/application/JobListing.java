package com.costguard.application;

import com.costguard.model.job.Job;
import java.math.BigDecimal;

/**
 * A job with its cost now, for lists: the locked final cost of an ended job, the engine's current
 * cost of one in progress, nothing yet for a queued one.
 */
public record JobListing(Job job, BigDecimal cost) {}
