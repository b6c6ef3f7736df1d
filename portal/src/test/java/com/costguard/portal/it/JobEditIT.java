package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Editing a job on its page: its creator renames it and moves it to another client and project with
 * the "New job" form's pickers; the API and the audit log show the change, and another engineer is
 * offered no Edit button.
 */
@SharedDeployment
class JobEditIT {

  @ArquillianResource URL base;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private ChromeDriver browser;
  private Api api;

  @BeforeEach
  void start() {
    browser = Browser.start();
    api = new Api(base);
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  @Test
  void theCreatorMovesTheJobToAnotherClientAndProjectAndNoOtherEngineerMay() throws Exception {
    String admin = TestUsers.tokenFor("ADMIN");
    long clientId =
        id(
            api.post(
                "api/v1/clients",
                Fixtures.load(
                    "attribution-client.json",
                    Map.of(
                        "name",
                        "Edit Globex " + run,
                        "code",
                        "EG-" + run,
                        "industry",
                        "Retail",
                        "tier",
                        "B")),
                admin));
    id(
        api.post(
            "api/v1/projects",
            Fixtures.load(
                "attribution-project.json",
                Map.of(
                    "name",
                    "Edit Vision " + run,
                    "code",
                    "EV-" + run,
                    "clientId",
                    Long.toString(clientId),
                    "revenue",
                    "5000",
                    "otherCosts",
                    "0")),
            admin));
    TestUsers.TestUser creator = PortalUsers.create("ENGINEER");
    long jobId =
        id(
            api.post(
                "api/v1/jobs",
                Fixtures.load(
                    "portal-job.json",
                    Map.of(
                        "externalId", "it-edit-" + run,
                        "name", "before-" + run,
                        "createdBy", creator.username())),
                creator.token()));

    // A finished job: its days in the daily rollups (V28) move with it to the new client.
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    for (String[] event : new String[][] {{"started", "T09:00:00Z"}, {"completed", "T11:00:00Z"}}) {
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + jobId + "/events",
              "{\"type\": \"%s\", \"at\": \"%s%s\", \"idempotencyKey\": \"%s\"}"
                  .formatted(event[0], yesterday, event[1], event[0]));
      assertThat(answer.status()).as(answer.body()).isBetween(200, 202);
    }
    assertThat(ranOn("EG-" + run)).isZero();

    PortalUsers.signIn(browser, base, creator.username());
    browser.get(base + "dashboard/jobs/" + jobId);
    Browser.openDialog(browser, "job:editButton", "editForm:name");
    WebElement name = browser.findElement(By.id("editForm:name"));
    assertThat(name.getAttribute("value")).isEqualTo("before-" + run);
    name.clear();
    name.sendKeys("after-" + run);
    pick("editForm:client", "Edit Globex " + run + " (EG-" + run + ")");
    pick("editForm:project", "Edit Vision " + run + " (EV-" + run + ")");
    PortalUsers.screenshots(browser, "job-edit-dialog");
    browser.findElement(By.id("editForm:save")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("jobName"), "after-" + run));
    assertThat(browser.findElement(By.id("job:head")).getText()).contains("EG-" + run, "EV-" + run);

    JsonObject job = api.get("api/v1/jobs/" + jobId, creator.token()).json();
    assertThat(job.getString("name")).isEqualTo("after-" + run);
    assertThat(job.getString("client")).isEqualTo("EG-" + run);
    assertThat(job.getString("project")).isEqualTo("EV-" + run);
    assertThat(ranOn("EG-" + run)).isEqualTo(1);
    List<JsonObject> audited =
        api.get("api/v1/audit-log?action=job.updated&actor=" + creator.username(), admin)
            .json()
            .getJsonArray("entries")
            .getValuesAs(JsonObject.class);
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).getString("subjectId")).isEqualTo(Long.toString(jobId));
    assertThat(audited.get(0).get("newValue").toString()).contains("after-" + run, "EG-" + run);

    TestUsers.TestUser other = PortalUsers.create("ENGINEER");
    browser.manage().deleteAllCookies();
    PortalUsers.signIn(browser, base, other.username());
    browser.get(base + "dashboard/jobs/" + jobId);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("jobName")));
    assertThat(browser.findElements(By.id("job:editButton"))).isEmpty();
    assertThat(browser.findElements(By.id("editForm:save"))).isEmpty();
  }

  /** The days the jobs of {@code client} ran on, as the daily rollups count them. */
  private static long ranOn(String client) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select coalesce(sum(ran), 0) from job_days where dimension = 'client' and value"
                    + " = ?")) {
      query.setString(1, client);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /**
   * Chooses {@code label} in a PrimeFaces select menu as a user does: opens it, types into its
   * filter, clicks the item. Waits for the menu first, and for the choice's Ajax after, since the
   * client's choice re-renders the project menu.
   */
  private void pick(String menu, String label) {
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.elementToBeClickable(By.id(menu)))
        .click();
    WebElement filter =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(menu + "_filter")));
    filter.sendKeys(run);
    waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[@id='"
                        + menu
                        + "_panel']//li[contains(@class,'ui-selectonemenu-item')"
                        + " and normalize-space(.)='"
                        + label
                        + "']")))
        .click();
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(menu + "_label"), label));
    // The choice's own Ajax (the client's re-renders the project menu) ends before the next step.
    Browser.ajaxDone(browser);
  }

  private static long id(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().getJsonNumber("id").longValueExact();
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
