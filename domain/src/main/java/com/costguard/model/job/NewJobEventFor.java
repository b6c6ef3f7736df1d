package com.costguard.model.job;

/** An event as sent for the job with this id, among other jobs' ({@code POST /job-events}). */
public record NewJobEventFor(long jobId, NewJobEvent event) {}
