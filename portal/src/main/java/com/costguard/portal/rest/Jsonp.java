package com.costguard.portal.rest;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. Every {@code Json.createObjectBuilder()} and its kin
 * looks the provider up again ({@link JsonProvider#provider()}: a ServiceLoader scan of the class
 * path, under a class loader's lock), which the benchmark's profile of the job-events path found at
 * the top: with a dozen builders per answer, request threads queued on that lock. A provider is
 * safe for concurrent use, so it is looked up once and shared.
 */
public final class Jsonp {

  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}
