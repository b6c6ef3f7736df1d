package com.costguard.portal.rest;

import com.costguard.application.RequestRefusedException;
import com.costguard.infrastructure.health.DatabaseOutage;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API in SPEC §5's shape: {@code {"error", "message", "field"}}. */
public final class ErrorResponses {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  static Response of(int status, String code, String message, String field) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("error", code).add("message", message);
    if (field != null) {
      body.add("field", field);
    }
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.build());
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }

  static int status(RequestRefusedException.Reason reason) {
    return switch (reason) {
      case VALIDATION -> 400;
      case UNAUTHORIZED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT, BUDGET_EXCEEDED -> 409;
      case TOO_LARGE -> 413;
    };
  }

  /** Refusals from the services and the filters. */
  @Provider
  public static class Refused implements ExceptionMapper<RequestRefusedException> {
    @Override
    public Response toResponse(RequestRefusedException e) {
      return of(status(e.reason()), e.reason().code(), e.getMessage(), e.field().orElse(null));
    }
  }

  /** JAX-RS's own errors (unknown path, wrong method, unsupported media type). */
  @Provider
  public static class Framework implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String code =
          switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 415 -> "unsupported_media_type";
            default -> status < 500 ? "bad_request" : "internal_error";
          };
      return of(
          status,
          code,
          Response.Status.fromStatusCode(status) == null
              ? "request failed"
              : Response.Status.fromStatusCode(status).getReasonPhrase(),
          null);
    }
  }

  /**
   * While the database is unreachable: 503 with {@code Retry-After}, nothing written (the
   * transaction could not commit), so the client sends the same request again later; its
   * idempotency keys make a repeat of anything that did commit harmless.
   */
  static Response databaseUnavailable() {
    return Response.fromResponse(
            of(
                503,
                "service_unavailable",
                "the database is not reachable; nothing was stored, try again later",
                null))
        .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
        .build();
  }

  /**
   * Anything else is our fault: logged with its stack, answered without it; but a database outage
   * is nobody's bug, and answered 503 ({@link #databaseUnavailable()}).
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      if (DatabaseOutage.causedBy(e)) {
        LOG.warning(() -> "Answered 503: the database is not reachable (" + e + ")");
        return databaseUnavailable();
      }
      LOG.log(Level.SEVERE, "Unexpected error in the API", e);
      return of(500, "internal_error", "an unexpected error occurred; it has been logged", null);
    }
  }
}
