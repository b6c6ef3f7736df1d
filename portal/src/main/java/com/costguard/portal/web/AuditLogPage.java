package com.costguard.portal.web;

import com.costguard.application.AuditLog;
import com.costguard.application.RequestRefusedException;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditFilter;
import com.costguard.model.audit.ChainVerification;
import com.costguard.portal.rest.AuditCsv;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code /dashboard/budget/audit-log} (seed 000 FR7.2.2): the audit log newest first, a page at a
 * time, filtered by user, date range, action and approval status, with the verdict of the hash
 * chain and a CSV export. Reads through {@link AuditLog}, which refuses anyone but an ADMIN,
 * BUDGET_MANAGER or APPROVER exactly as for the REST API; the export is the API's CSV ({@link
 * AuditCsv}).
 */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Approval statuses as the increase actions that record them: the log has no status column, an
   * increase request's outcome is its own entry.
   */
  private static final Map<String, AuditAction> APPROVAL =
      Map.of(
          "pending", AuditAction.INCREASE_REQUESTED,
          "approved", AuditAction.INCREASE_APPROVED,
          "rejected", AuditAction.INCREASE_REJECTED,
          "expired", AuditAction.INCREASE_EXPIRED);

  @Inject AuditLog audit;
  @Inject CurrentUser signedIn;
  @Inject Formats formats;

  private String refusal;
  private ChainVerification chain;

  private String user;
  private String fromDate;
  private String toDate;
  private String action;
  private String approval;
  private AuditFilter filter = AuditFilter.ALL;

  /** An entry as the table shows it; old and new as the CSV writes them. */
  public record EntryRow(
      long seq,
      Instant at,
      String actor,
      String oldValue,
      String newValue,
      String changePercent,
      String justification,
      String approver,
      String channel,
      String action,
      String subject)
      implements Serializable {

    static EntryRow of(AuditEntry e) {
      List<String> cells = AuditCsv.row(e);
      return new EntryRow(
          e.seq(),
          e.at(),
          e.actor(),
          cells.get(2),
          cells.get(3),
          cells.get(4),
          cells.get(5),
          cells.get(6),
          e.channel(),
          e.action(),
          cells.get(9));
    }
  }

  private final LazyDataModel<EntryRow> entries =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) audit.entries(signedIn.required(), filter, 0, 1).total();
        }

        @Override
        public List<EntryRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          var page = audit.entries(signedIn.required(), filter, first, pageSize);
          setRowCount((int) page.total());
          return page.entries().stream().map(EntryRow::of).toList();
        }

        @Override
        public String getRowKey(EntryRow row) {
          return Long.toString(row.seq());
        }
      };

  @PostConstruct
  void load() {
    try {
      chain = audit.verify(signedIn.required());
      refusal = null;
    } catch (RequestRefusedException e) {
      refusal = "Only an ADMIN, a BUDGET_MANAGER or an APPROVER may read the audit log.";
    }
  }

  /** Applies the filters; a bad one is shown next to its field and the table keeps the last. */
  public void apply() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Optional<AuditAction> chosen = Optional.ofNullable(blank(action)).map(AuditLog::action);
      Optional<AuditAction> status = Optional.ofNullable(blank(approval)).map(APPROVAL::get);
      if (chosen.isPresent() && status.isPresent() && !chosen.equals(status)) {
        throw RequestRefusedException.invalid(
            "approval", "this approval status never goes with the chosen action");
      }
      AuditFilter next =
          new AuditFilter(
              Optional.ofNullable(blank(user)).map(String::strip),
              day("from", fromDate, 0),
              day("to", toDate, 1),
              chosen.or(() -> status));
      // Checked by the service now, so that a bad range is refused here, not in the table.
      audit.entries(signedIn.required(), next, 0, 1);
      filter = next;
      chain = audit.verify(signedIn.required());
    } catch (RequestRefusedException e) {
      Refusals.show(
          faces,
          e,
          Map.of(
              "from", "audit:from",
              "to", "audit:to",
              "action", "audit:action",
              "approval", "audit:approval"));
    }
  }

  public void clear() {
    user = fromDate = toDate = action = approval = null;
    filter = AuditFilter.ALL;
  }

  /** Every entry the filters keep, as the API's CSV file. */
  public void export() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    try (Stream<AuditEntry> all = audit.export(signedIn.required(), filter)) {
      external.responseReset();
      external.setResponseContentType("text/csv; charset=UTF-8; header=present");
      external.setResponseHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
      AuditCsv.write(all, external.getResponseOutputStream());
    }
    faces.responseComplete();
  }

  /**
   * A day in the installation's time zone as the instant it starts ({@code plusDays} 0) or, for the
   * inclusive end of a range, the instant the next day starts (1).
   */
  private Optional<Instant> day(String field, String value, int plusDays) {
    if (blank(value) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.parse(value.strip())
              .plusDays(plusDays)
              .atStartOfDay(ZoneId.of(formats.zone()))
              .toInstant());
    } catch (DateTimeParseException e) {
      throw RequestRefusedException.invalid(field, "a date is written as YYYY-MM-DD");
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public List<String> getActions() {
    return Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList();
  }

  public String getRefusal() {
    return refusal;
  }

  public ChainVerification getChain() {
    return chain;
  }

  public LazyDataModel<EntryRow> getEntries() {
    return entries;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getFromDate() {
    return fromDate;
  }

  public void setFromDate(String fromDate) {
    this.fromDate = fromDate;
  }

  public String getToDate() {
    return toDate;
  }

  public void setToDate(String toDate) {
    this.toDate = toDate;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getApproval() {
    return approval;
  }

  public void setApproval(String approval) {
    this.approval = approval;
  }
}
