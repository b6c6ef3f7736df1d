package com.costguard.portal.web;

import com.costguard.application.CostEventService;
import com.costguard.application.SpendingService;
import com.costguard.application.SpendingSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The cost events page: every event, newest first, a page at a time; this month's total. */
@Named
@ViewScoped
public class ListCostEvents implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CostEventService costEvents;
  @Inject SpendingService spending;

  private SpendingSummary thisMonth;
  private long allEvents;

  private final LazyDataModel<CostEventRow> events =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) costEvents.count();
        }

        @Override
        public List<CostEventRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return costEvents.page(first, pageSize).stream().map(CostEventRow::of).toList();
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
}
