package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Clients, projects and jobs created over the API on one day of their own (in the 1950s, so no
 * other test's jobs share it), and the helpers that read them back from the API and from the pages.
 */
final class AttributionData {

  private final Api api;
  private final String admin;
  private final String run;
  private final LocalDate day;
  private int key;

  AttributionData(Api api, String admin, String run, LocalDate day) {
    this.api = api;
    this.admin = admin;
    this.run = run;
    this.day = day;
  }

  static long id(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().getJsonNumber("id").longValueExact();
  }

  long client(String name, String code, String tier) {
    return id(
        api.post(
            "api/v1/clients",
            Fixtures.load(
                "attribution-client.json",
                Map.of("name", name, "code", code, "industry", "Finance", "tier", tier)),
            admin));
  }

  long project(String name, long clientId, String revenue, String otherCosts) {
    return id(
        api.post(
            "api/v1/projects",
            Fixtures.load(
                "attribution-project.json",
                Map.of(
                    "name",
                    name,
                    "code",
                    name.toUpperCase().replace(' ', '-'),
                    "clientId",
                    Long.toString(clientId),
                    "revenue",
                    revenue,
                    "otherCosts",
                    otherCosts)),
            admin));
  }

  /**
   * An on-demand job at {@code rate}/h for {@code client} and {@code project}, 08:00–{@code end}.
   */
  String job(String client, String project, String rate, String end) {
    String name = "job-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
    long id =
        id(
            api.post(
                "api/v1/jobs",
                Fixtures.load(
                    "attribution-job.json",
                    Map.of(
                        "externalId", name,
                        "name", name,
                        "creator", "ana-" + run,
                        "client", client,
                        "project", project,
                        "pricing", "on_demand",
                        "rate", rate)),
                admin));
    for (String event : List.of("08:00 started", end + " completed")) {
      String[] parts = event.split(" ");
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + id + "/events",
              "{\"type\": \"%s\", \"at\": \"%sT%s:00Z\", \"idempotencyKey\": \"k%d\"}"
                  .formatted(parts[1], day, parts[0], key++),
              admin);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return name;
  }

  /** {@code GET /api/v1/attribution} for the day. */
  JsonObject attribution(String token) {
    return api.get("api/v1/attribution?from=" + day + "&to=" + day, token).json();
  }

  static BigDecimal money(JsonObject o, String name) {
    return o.getJsonNumber(name).bigDecimalValue();
  }

  /** As the portal writes money: $1,234.50, -$3.00. */
  static String dollars(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return (amount.signum() < 0 ? "-$" : "$") + format.format(amount.abs());
  }

  static JsonObject named(JsonObject attribution, String list, String name) {
    return attribution.getJsonArray(list).getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list));
  }

  /** A reflow cell's text without the column title PrimeFaces puts in it for narrow screens. */
  static String cellText(ChromeDriver browser, WebElement td) {
    return ((String)
            browser.executeScript(
                "const c = arguments[0].cloneNode(true);"
                    + " c.querySelectorAll('.ui-column-title, .ui-rowgroup-header').forEach(t =>"
                    + " t.remove()); return c.textContent;",
                td))
        .strip()
        .replaceAll("\\s+", " ");
  }

  /**
   * Presses an export button of {@code form} as the browser would, through the signed-in session,
   * and returns the file it answers with after checking its type.
   */
  static byte[] export(ChromeDriver browser, String form, String button, String type) {
    String answer =
        (String)
            browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const form = document.getElementById(arguments[0]);"
                    + " const data = new URLSearchParams(new FormData(form));"
                    + " data.append(arguments[0] + ':' + arguments[1], arguments[0] + ':' +"
                    + " arguments[1]);"
                    + " fetch(form.action, {method: 'POST', body: data})"
                    + "   .then(r => r.arrayBuffer().then(b => {"
                    + "     let s = ''; const u = new Uint8Array(b);"
                    + "     for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);"
                    + "     done(r.headers.get('Content-Type') + '|' + btoa(s)); }))"
                    + "   .catch(e => done('failed|' + e));",
                form,
                button);
    String[] parts = answer.split("\\|", 2);
    assertThat(parts[0]).startsWith(type);
    return Base64.getDecoder().decode(parts[1]);
  }
}
