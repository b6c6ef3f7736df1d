package com.costguard.application;

/** What became of a batch: events stored now, and events already stored (by idempotency key). */
public record IngestResult(int accepted, int duplicates) {}
