package com.costguard.application;

import java.net.URI;

/** What a job's runner is told at its control URL when the job is cancelled. */
public record CancelRequest(long jobId, String externalId, URI controlUrl) {}
