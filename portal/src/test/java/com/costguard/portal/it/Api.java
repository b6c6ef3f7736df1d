package com.costguard.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Calls Costguard's REST API over HTTP, as a job runner would. */
public final class Api {

  /** The bootstrap token failsafe gives the application under test (COSTGUARD_API_TOKEN). */
  public static final String TOKEN = "it-api-token";

  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  public Api(URL base) {
    this.base = URI.create(base.toString());
  }

  /** An answer; {@link #location()} is the {@code Location} header given with 201 Created. */
  public record Answer(int status, String body, HttpHeaders headers) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public Optional<String> location() {
      return header("Location");
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  public Answer post(String path, String json) {
    return post(path, json, TOKEN);
  }

  public Answer post(String path, String json, String token) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Answer put(String path, String json, String token) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Answer delete(String path, String token) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  public Answer get(String path) {
    return get(path, TOKEN);
  }

  public Answer get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.GET().build());
  }

  public Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
