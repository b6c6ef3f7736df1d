package com.costguard.portal.web;

import com.costguard.application.CostEventService;
import com.costguard.application.SpendingService;
import com.costguard.application.SpendingSummary;
import com.costguard.model.costevent.CostEventFilter;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The cost events page: the events, newest first, a page at a time, filtered by operation, client,
 * project, provider and days (in the installation's time zone, both included); this month's total.
 * The filters are a plain GET form, so a filtered list is a link (the spending summary links each
 * of its groups here); the view keeps them while the table pages.
 */
@Named
@ViewScoped
public class ListCostEvents implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Longer values match no stored event (operation types and attributes hold 200 characters). */
  private static final int MAX_FILTER = 200;

  @Inject CostEventService costEvents;
  @Inject SpendingService spending;
  @Inject Formats formats;

  private SpendingSummary thisMonth;
  private long allEvents;
  private String operation;
  private String client;
  private String project;
  private String provider;
  private LocalDate from;
  private LocalDate to;
  private String refused;
  private CostEventFilter filter;

  private final LazyDataModel<CostEventRow> events =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) costEvents.count(filter);
        }

        @Override
        public List<CostEventRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return costEvents.page(filter, first, pageSize).stream().map(CostEventRow::of).toList();
        }

        @Override
        public String getRowKey(CostEventRow row) {
          return Long.toString(row.id());
        }
      };

  @PostConstruct
  void init() {
    thisMonth = spending.thisMonth();
    allEvents = costEvents.count();
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    operation = text(parameters.get("operation"));
    client = text(parameters.get("client"));
    project = text(parameters.get("project"));
    provider = text(parameters.get("provider"));
    from = day(parameters.get("from"));
    to = day(parameters.get("to"));
    if (from != null && to != null && from.isAfter(to)) {
      refused = "The first day is after the last; showing events from either day on.";
      to = null;
    }
    ZoneId zone = formats.timezone();
    filter =
        new CostEventFilter(
            Optional.ofNullable(operation),
            Optional.ofNullable(client),
            Optional.ofNullable(project),
            Optional.ofNullable(provider),
            Optional.ofNullable(from).map(d -> d.atStartOfDay(zone).toInstant()),
            Optional.ofNullable(to).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
  }

  private static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.length() > MAX_FILTER ? trimmed.substring(0, MAX_FILTER) : trimmed;
  }

  private LocalDate day(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      refused = "“" + value.strip() + "” is not a date (yyyy-mm-dd); that bound is left out.";
      return null;
    }
  }

  public LazyDataModel<CostEventRow> getEvents() {
    return events;
  }

  public SpendingSummary getThisMonth() {
    return thisMonth;
  }

  public long getAllEvents() {
    return allEvents;
  }

  /** Whether any filter is on. */
  public boolean isFiltered() {
    return !filter.equals(CostEventFilter.NONE);
  }

  /** Why a filter was left out, or null. */
  public String getRefused() {
    return refused;
  }

  public String getOperation() {
    return operation;
  }

  public String getClient() {
    return client;
  }

  public String getProject() {
    return project;
  }

  public String getProvider() {
    return provider;
  }

  public LocalDate getFrom() {
    return from;
  }

  public LocalDate getTo() {
    return to;
  }
}
