package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal against a hostile browser (SPEC §7, issue 9): security headers on every response, a
 * Content-Security-Policy the pages still work under (Chromium), the session cookie's flags, a new
 * session id at sign-in, sign-in throttling per account and per address, and form posts refused
 * without the view state the server gave this session (CSRF).
 */
@SharedDeployment
class PortalHardeningIT {

  @ArquillianResource URL base;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(base);
  }

  /** A made-up client address, sent as a local reverse proxy would (X-Forwarded-For). */
  private static String address() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
  }

  private static void assertHardened(Api.Answer answer, String what) {
    assertThat(answer.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
    assertThat(answer.headers().allValues("X-Content-Type-Options"))
        .as(what)
        .containsExactly("nosniff");
    assertThat(answer.headers().allValues("Referrer-Policy"))
        .as(what)
        .containsExactly("same-origin");
    List<String> csp = answer.headers().allValues("Content-Security-Policy");
    assertThat(csp).as(what + ": exactly one policy").hasSize(1);
    assertThat(csp.get(0)).as(what).contains("frame-ancestors 'none'");
  }

  @Test
  void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
    PortalSession browser = new PortalSession(base);
    Api.Answer login = browser.get("login.xhtml");
    assertThat(login.status()).isEqualTo(200);
    assertHardened(login, "login page");
    String pagePolicy = login.header("Content-Security-Policy").orElseThrow();
    assertThat(pagePolicy)
        .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'")
        .matches(".*script-src 'self' 'nonce-[^']+';?$");
    assertThat(pagePolicy)
        .doesNotContain("unsafe-eval")
        .doesNotContain("script-src 'unsafe-inline'");

    TestUsers.TestUser viewer = PortalUsers.create("VIEWER");
    assertThat(browser.signIn(viewer.username(), PortalUsers.PASSWORD).status()).isEqualTo(302);
    Api.Answer page = browser.get("dashboard/jobs");
    assertThat(page.status()).isEqualTo(200);
    assertHardened(page, "a signed-in page");

    String strict = "default-src 'none'";
    for (Api.Answer answer :
        List.of(
            api.get("api/v1/budgets", viewer.token()),
            api.get("api/v1/budgets", "no-such-token"),
            api.get("api/v1/no-such-resource", viewer.token()),
            api.get("health", null),
            browser.get("jakarta.faces.resource/costguard/costguard.css.xhtml"))) {
      assertHardened(answer, "status " + answer.status() + ": " + answer.body());
      assertThat(answer.header("Content-Security-Policy").orElseThrow()).startsWith(strict);
    }

    Api.Answer overTls =
        api.send(
            HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("X-Forwarded-Proto", "https")
                .build());
    assertThat(overTls.header("Strict-Transport-Security")).contains("max-age=31536000");
    assertThat(login.header("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndItsIdChangesAtSignIn() throws Exception {
    TestUsers.TestUser user = PortalUsers.create("ENGINEER");
    PortalSession browser = new PortalSession(base);
    Api.Answer login = browser.get("login.xhtml");
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    String before = browser.sessionId().orElseThrow();

    Api.Answer signedIn = browser.signIn(user.username(), PortalUsers.PASSWORD);

    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
    String after = browser.sessionId().orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(browser.get("dashboard/jobs").body()).contains("id=\"main\"");
    // Someone who planted (or read) the old id before sign-in is not signed in with it.
    Api.Answer planted =
        api.send(
            HttpRequest.newBuilder(URI.create(base + "dashboard/jobs"))
                .header("Cookie", "JSESSIONID=" + before)
                .build());
    assertThat(planted.body()).doesNotContain("id=\"main\"").contains("login:username");
  }

  @Test
  void anAccountIsLockedAfterFiveWrongPasswordsEvenForTheRightOne() throws Exception {
    TestUsers.TestUser user = PortalUsers.create("VIEWER");
    PortalSession guesser = new PortalSession(base).header("X-Forwarded-For", address());
    for (int i = 0; i < 5; i++) {
      Api.Answer wrong = guesser.signIn(user.username(), "wrong-" + i);
      assertThat(wrong.status()).isEqualTo(200);
      assertThat(wrong.body()).contains("Wrong username or password.");
    }

    Api.Answer right = new PortalSession(base).signIn(user.username(), PortalUsers.PASSWORD);

    assertThat(right.status()).as("not signed in").isEqualTo(200);
    assertThat(right.body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
    TestUsers.TestUser other = PortalUsers.create("VIEWER");
    assertThat(guesser.signIn(other.username(), PortalUsers.PASSWORD).status())
        .as("another account from the same address")
        .isEqualTo(302);
  }

  @Test
  void anAddressIsLockedAfterTwentyFailuresWhateverTheAccounts() throws Exception {
    String address = address();
    PortalSession guesser = new PortalSession(base).header("X-Forwarded-For", address);
    for (int i = 0; i < 20; i++) {
      assertThat(guesser.signIn("nobody-" + UUID.randomUUID(), "guess").body())
          .contains("Wrong username or password.");
    }
    TestUsers.TestUser user = PortalUsers.create("VIEWER");

    Api.Answer locked = guesser.signIn(user.username(), PortalUsers.PASSWORD);

    assertThat(locked.status()).isEqualTo(200);
    assertThat(locked.body()).contains("Too many failed sign-ins.");
    PortalSession elsewhere =
        new PortalSession(base).header("X-Forwarded-For", "10.9.8.7, " + address());
    assertThat(elsewhere.signIn(user.username(), PortalUsers.PASSWORD).status())
        .as("the same account from another address")
        .isEqualTo(302);
  }

  /** The rate card form's fields as the page posts them. */
  private static Map<String, String> rateCardPost(
      String operationType, String viewState, String nonce) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("cards", "cards");
    fields.put("cards:operationType", operationType);
    fields.put("cards:unitType", "calls");
    fields.put("cards:price", "0.25");
    fields.put("cards:effectiveFrom", "");
    fields.put("cards:addCard", "");
    if (viewState != null) {
      fields.put("jakarta.faces.ViewState", viewState);
    }
    if (nonce != null) {
      fields.put("primefaces.nonce", nonce);
    }
    return fields;
  }

  private int rateCards(String operationType) {
    Api.Answer cards = api.get("api/v1/rate-cards?operationType=" + operationType);
    assertThat(cards.status()).isEqualTo(200);
    return cards.json().getJsonArray("rateCards").size();
  }

  @Test
  void aFormPostWithoutTheViewStateThisSessionWasGivenIsRefusedAndChangesNothing()
      throws Exception {
    TestUsers.TestUser admin = PortalUsers.create("ADMIN");
    PortalSession victim = new PortalSession(base);
    assertThat(victim.signIn(admin.username(), PortalUsers.PASSWORD).status()).isEqualTo(302);
    String victimPage = victim.get("dashboard/rate-cards").body();
    // The attacker's own session gives them a view state of the same page; not the victim's.
    TestUsers.TestUser attacker = PortalUsers.create("ADMIN");
    PortalSession attackers = new PortalSession(base);
    attackers.signIn(attacker.username(), PortalUsers.PASSWORD);
    String attackerPage = attackers.get("dashboard/rate-cards").body();
    String operation = "it-csrf-" + UUID.randomUUID();

    Api.Answer foreign =
        victim.post(
            "dashboard/rate-cards",
            rateCardPost(
                operation,
                PortalSession.viewState(attackerPage),
                PortalSession.nonce(attackerPage)));
    Api.Answer made = victim.post("dashboard/rate-cards", rateCardPost(operation, "-1:-1", null));
    Api.Answer none = victim.post("dashboard/rate-cards", rateCardPost(operation, null, null));

    for (Api.Answer forged : List.of(foreign, made)) {
      assertThat(forged.status()).as(forged.body()).isEqualTo(403);
      assertThat(forged.body()).contains("Nothing was changed");
    }
    // Without any view state a post is no post-back: Faces shows the page and runs no action.
    assertThat(none.status()).isEqualTo(200);
    assertThat(rateCards(operation)).isZero();

    // The same post with the view state the victim's page carried is the victim's own: it works.
    Api.Answer own =
        victim.post(
            "dashboard/rate-cards",
            rateCardPost(
                operation, PortalSession.viewState(victimPage), PortalSession.nonce(victimPage)));
    assertThat(own.status()).isEqualTo(200);
    assertThat(rateCards(operation)).isEqualTo(1);
  }

  @Test
  void everyPageWorksUnderTheContentSecurityPolicy() throws Exception {
    TestUsers.TestUser admin = PortalUsers.create("ADMIN");
    String client = "it-csp-" + UUID.randomUUID();
    Api.Answer job =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "portal-job.json",
                Map.of(
                    "externalId",
                    client,
                    "name",
                    "CSP tune " + client.substring(7, 15),
                    "createdBy",
                    admin.username())),
            admin.token());
    assertThat(job.status()).as(job.body()).isEqualTo(201);
    long jobId = job.json().getJsonNumber("id").longValueExact();
    ChromeDriver browser = Browser.start();
    try {
      PortalUsers.signIn(browser, base, admin.username());
      for (String page :
          List.of(
              "dashboard/training-budget",
              "dashboard/budgets",
              "dashboard/jobs",
              "dashboard/jobs/" + jobId,
              "dashboard/cost-events",
              "dashboard/cost-attribution",
              "dashboard/rate-cards",
              "dashboard/budget/audit-log",
              "dashboard/settings/budget-notifications",
              "dashboard/users")) {
        browser.get(base + page);
        assertThat(browser.findElements(By.id("main"))).as(page).hasSize(1);
        assertThat(refusedByPolicy(browser)).as(page).isEmpty();
        // The policy would refuse an inline handler only when its event fires: none may be left.
        assertThat(
                browser.executeScript(
                    "return Array.from(document.querySelectorAll('*'))"
                        + ".filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name)))"
                        + ".map(e => e.outerHTML.substring(0, 160));"))
            .as(page + ": elements with inline handlers")
            .asList()
            .isEmpty();
        assertThat(browser.executeScript("return typeof PrimeFaces !== 'undefined' && !!window.$"))
            .as(page + ": PrimeFaces ran")
            .isEqualTo(true);
      }

      // Inline handlers PrimeFaces moved under the nonce still work: the dialog opens (ajax).
      browser.get(base + "dashboard/budgets");
      browser.findElement(By.id("create:newBudget")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("budgetForm:name")));
      // ...and an ajax update of the jobs page's job runs its scripts (the 60-second refresh).
      browser.get(base + "dashboard/jobs/" + jobId);
      browser.executeScript("refreshCost();");
      Thread.sleep(1500);
      assertThat(refusedByPolicy(browser)).isEmpty();
      Browser.screenshots(browser, "csp-job");
    } finally {
      browser.quit();
      api.post("api/v1/jobs/" + jobId + "/cancel", ""); // no queued job left holding a reservation
    }
  }

  /**
   * What the browser's console says it refused for the Content-Security-Policy since last asked.
   */
  private static List<String> refusedByPolicy(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .toList();
  }
}
