package com.costguard.cost.attribution;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reuse ("shared intelligence") savings per client over a range (SPEC §1; seed 003): each cost
 * event's savings = listCost − amount (never below 0), attributed to the event's client. Strings
 * naming the same registered client (its code or its name) count as one client. Each client's
 * figures are rounded to cents once, and the total is the sum of the rounded rows, so the table
 * adds up to the figure above it. Pure.
 *
 * @param clients highest savings first, then by name
 * @param totalSavings the sum of the clients' savings as shown
 * @param totalListCost the sum of the clients' list costs as shown
 */
public record ReuseByClient(
    List<ClientReuse> clients, BigDecimal totalSavings, BigDecimal totalListCost) {

  public ReuseByClient {
    clients = List.copyOf(clients);
  }

  public static ReuseByClient of(List<ReuseGroup> groups, Directory directory) {
    Map<String, ReuseGroup> merged = new LinkedHashMap<>();
    Map<String, Optional<ClientInfo>> infos = new LinkedHashMap<>();
    for (ReuseGroup group : groups) {
      Optional<ClientInfo> client = group.client().flatMap(directory::clientNamed);
      String name = client.map(ClientInfo::name).orElse(group.client().orElse(Attribution.NONE));
      infos.putIfAbsent(name, client);
      merged.merge(name, group, ReuseByClient::add);
    }
    List<ClientReuse> clients = new ArrayList<>();
    merged.forEach(
        (name, group) -> {
          BigDecimal list = Money.cents(group.listCost());
          BigDecimal savings = Money.cents(group.savings());
          clients.add(
              new ClientReuse(
                  name,
                  infos.get(name),
                  list,
                  Money.cents(group.paid()),
                  savings,
                  group.events(),
                  group.listCost().signum() == 0
                      ? Optional.empty()
                      : Optional.of(Money.percent(group.savings(), group.listCost()))));
        });
    clients.sort(
        Comparator.comparing(ClientReuse::savings).reversed().thenComparing(ClientReuse::name));
    return new ReuseByClient(
        clients,
        clients.stream().map(ClientReuse::savings).reduce(BigDecimal.ZERO, BigDecimal::add),
        clients.stream().map(ClientReuse::listCost).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static ReuseGroup add(ReuseGroup a, ReuseGroup b) {
    return new ReuseGroup(
        a.client(),
        a.listCost().add(b.listCost()),
        a.paid().add(b.paid()),
        a.savings().add(b.savings()),
        a.events() + b.events());
  }
}
