package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTableTest {

  @Test
  void holdsEachGroupExactlyInTheOrderGiven() {
    Map<String, SpendingSummary.Group> groups = new LinkedHashMap<>();
    groups.put("sess-b", group("12.500000", 3));
    groups.put("Zürich 東京 🚀", group("12.500000", 2));
    groups.put("", group("0.000001", 1));
    groups.put(SpendingSummary.NONE, group("-4.250000", 9));
    groups.put("sess-a", group("0.000000", 0));

    GroupTable table = GroupTable.of(List.copyOf(groups.entrySet()));

    assertThat(table).isEqualTo(groups).hasSize(5);
    assertThat(table.keySet()).containsExactly(groups.keySet().toArray(String[]::new));
    List<String> seen = new ArrayList<>();
    table.forEach(
        (name, group) -> {
          seen.add(name);
          // Exact, the scale too: 12.500000 is written as the database summed it.
          assertThat(group.cost()).hasToString(groups.get(name).cost().toString());
          assertThat(group).isEqualTo(groups.get(name));
        });
    assertThat(seen).containsExactlyElementsOf(groups.keySet());
    assertThat(table.get("Zürich 東京 🚀")).isEqualTo(group("12.500000", 2));
    assertThat(table.get("")).isEqualTo(group("0.000001", 1));
    assertThat(table.get("sess")).isNull();
    assertThat(table.get(7)).isNull();
    assertThat(table.containsKey("sess-a")).isTrue();
    assertThat(table.containsKey("sess-")).isFalse();
  }

  @Test
  void costsOfMixedScalesOrBeyondALongAreKeptAsTheyAre() {
    Map<String, SpendingSummary.Group> mixed = new LinkedHashMap<>();
    mixed.put("a", group("2.40", 1));
    mixed.put("b", group("2.4", 1));
    mixed.put("c", group("1E+3", 1));
    Map<String, SpendingSummary.Group> large = new LinkedHashMap<>();
    large.put("a", group("92233720368547.758080", 1)); // unscaled: ten times 2^63
    large.put("b", group("-92233720368547.758080", 1));

    for (Map<String, SpendingSummary.Group> groups : List.of(mixed, large)) {
      GroupTable table = GroupTable.of(List.copyOf(groups.entrySet()));

      List<String> costs = new ArrayList<>();
      table.forEach((name, group) -> costs.add(group.cost().toString()));
      assertThat(costs)
          .containsExactlyElementsOf(
              groups.values().stream().map(g -> g.cost().toString()).toList());
      assertThat(table).isEqualTo(groups);
    }
  }

  @Test
  void anEmptyTableIsAnEmptyMap() {
    GroupTable table = GroupTable.of(List.of());

    assertThat(table).isEqualTo(Map.of());
    assertThat(table).isEmpty();
    assertThat(table.get("a")).isNull();
    assertThatThrownBy(() -> table.entrySet().iterator().next())
        .isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void isReadOnly() {
    GroupTable table = GroupTable.of(List.of(Map.entry("a", group("1.000000", 1))));

    assertThatThrownBy(() -> table.put("b", group("1.000000", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> table.entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(table).hasSize(1);
  }

  private static SpendingSummary.Group group(String cost, long count) {
    return new SpendingSummary.Group(new BigDecimal(cost), count);
  }
}
