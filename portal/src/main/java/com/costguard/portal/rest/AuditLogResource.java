package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.AuditLog;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditFilter;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /audit-log} (SPEC §5): the audit trail of budget changes and job cancels, newest first, as
 * JSON pages or as one CSV export, and the check of its hash chain. ADMINs, BUDGET_MANAGERs and
 * APPROVERs read it.
 */
@Path("audit-log")
@ApplicationScoped
public class AuditLogResource {

  static final String CSV = "text/csv";

  @Inject AuditLog audit;

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      summary = "The audit log, newest first",
      description =
          "Each entry: seq, at, actor (a username or system), channel (portal, slack, api,"
              + " system), action (budget.created, budget.updated, budget.limit_changed,"
              + " budget.deleted, budget.reset, job.cancelled, job.updated, increase.requested, increase.approved,"
              + " increase.rejected, increase.expired), subjectType, subjectId, oldValue"
              + " and newValue (the changed fields), changePercent (limit changes), justification,"
              + " approver, prevHash and hash. Filters: actor (exact), from (inclusive) and to"
              + " (exclusive) as ISO-8601 instants, action. As {\"entries\", \"total\","
              + " \"offset\", \"limit\"} with offset (default 0) and limit (default 50, at most"
              + " 500); format=csv answers every matching entry as an RFC 4180 CSV file with a"
              + " header row. ADMIN, BUDGET_MANAGER or APPROVER.")
  @APIResponse(
      responseCode = "200",
      description = "a page of entries, or the CSV export",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV)})
  @APIResponse(responseCode = "400", description = "a bad filter or page; field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN, BUDGET_MANAGER nor APPROVER")
  public Response entries(
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("action") String action,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit,
      @QueryParam("format") String format,
      @Context SecurityContext caller) {
    AuditFilter filter =
        new AuditFilter(
            Optional.ofNullable(actor).filter(a -> !a.isEmpty()),
            instant("from", from),
            instant("to", to),
            Optional.ofNullable(action).filter(a -> !a.isEmpty()).map(AuditLog::action));
    if (csv(format)) {
      Stream<AuditEntry> entries = audit.export(reader(caller), filter);
      StreamingOutput body =
          out -> {
            try (entries) {
              AuditCsv.write(entries, out);
            }
          };
      return Response.ok(body, CSV + "; charset=UTF-8; header=present")
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
          .build();
    }
    JsonObject page =
        AuditEntryJson.page(
            audit.entries(
                reader(caller),
                filter,
                whole("offset", offset, 0),
                whole("limit", limit, AuditLog.DEFAULT_PAGE)));
    return Response.ok(page, MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check the audit log's hash chain",
      description =
          "Recomputes every entry's SHA-256 from its content and the previous entry's hash, oldest"
              + " first: {\"ok\": true, \"entries\": n} when every entry is intact, else {\"ok\":"
              + " false, \"brokenAt\": seq, \"reason\": \"...\", \"entries\": intact entries"
              + " before it} for the first changed, missing or reordered entry. ADMIN,"
              + " BUDGET_MANAGER or APPROVER.")
  @APIResponse(responseCode = "200", description = "the verdict (a broken chain is no error)")
  @APIResponse(responseCode = "403", description = "neither ADMIN, BUDGET_MANAGER nor APPROVER")
  public JsonObject verify(@Context SecurityContext caller) {
    return AuditEntryJson.verification(audit.verify(reader(caller)));
  }

  private static User reader(SecurityContext caller) {
    return ((ApiPrincipal) caller.getUserPrincipal()).user();
  }

  private static boolean csv(String format) {
    if (format == null || format.equalsIgnoreCase("json")) {
      return false;
    }
    if (format.equalsIgnoreCase("csv")) {
      return true;
    }
    throw invalid("format", "format must be json or csv");
  }

  private static Optional<Instant> instant(String field, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Instants.instant(field, value));
  }

  private static int whole(String field, String value, int absent) {
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(field, field + " must be a whole number");
    }
  }
}
