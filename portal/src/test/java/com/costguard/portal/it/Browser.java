package com.costguard.portal.it;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver, as the test command installs them. */
public final class Browser {

  private Browser() {}

  public static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run");
    // The console is kept, so a test can see what the browser refused (e.g. by the CSP).
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1366, 900));
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Saves a screenshot under target/screenshots, to look at what a user sees. */
  public static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** Signs in on the portal's login page and waits for a page of the portal. */
  public static void signIn(ChromeDriver driver, URL base, String username, String password) {
    driver.get(base + "login.xhtml");
    driver.findElement(By.id("login:username")).sendKeys(username);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:submit")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
  }

  /**
   * Waits until {@code element} has left the page (the next page, or an Ajax update, replaced it).
   * Selenium's {@code stalenessOf} misses one way Chromium reports that: an "unknown error" saying
   * the node "does not belong to the document", when the page changes during the check.
   */
  public static void replaced(ChromeDriver driver, WebElement element, Duration within) {
    new WebDriverWait(driver, within)
        .until(
            d -> {
              try {
                element.isEnabled();
                return false;
              } catch (StaleElementReferenceException e) {
                return true;
              } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return true;
                }
                throw e;
              }
            });
  }

  /** Waits until PrimeFaces has no Ajax request queued or running, so its updates are in place. */
  public static void ajaxDone(ChromeDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0;")));
  }

  /**
   * Clicks the button that opens a dialog and waits until the dialog has put the focus on its first
   * field ({@code focusedId}): PrimeFaces does that after its opening animation, and keys typed
   * into another field before then would land in the focused one.
   */
  public static void openDialog(ChromeDriver driver, String buttonId, String focusedId) {
    driver.findElement(By.id(buttonId)).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d ->
                focusedId.equals(
                    driver.executeScript(
                        "return document.activeElement ? document.activeElement.id : null")));
  }

  /**
   * The whole page at desktop (1366 px) and mobile (390 px) width under target/screenshots, named
   * {@code name-desktop} and {@code name-mobile}, to look at; the window is desktop-sized after.
   */
  public static void screenshots(ChromeDriver driver, String name) throws Exception {
    fullPage(driver, 1366, name + "-desktop");
    fullPage(driver, 390, name + "-mobile");
    driver.manage().window().setSize(new Dimension(1366, 900));
  }

  private static void fullPage(ChromeDriver driver, int width, String name) throws Exception {
    driver.manage().window().setSize(new Dimension(width, 900));
    Thread.sleep(300);
    long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(4000, height + 120)));
    Thread.sleep(300);
    screenshot(driver, name);
  }

  /** A file a form's button answered with. */
  public record Download(String type, byte[] body) {}

  /**
   * Presses a JSF form's non-ajax button as the browser would, through the signed-in session, with
   * the form's fields as they are plus {@code fields}, and returns the file it answers with.
   */
  public static Download download(
      ChromeDriver driver, String form, String button, java.util.Map<String, String> fields) {
    String answer =
        (String)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const form = document.getElementById(arguments[0]);"
                    + " const data = new URLSearchParams(new FormData(form));"
                    + " data.append(arguments[0] + ':' + arguments[1], arguments[0] + ':' + arguments[1]);"
                    + " for (const [k, v] of Object.entries(arguments[2])) data.set(k, v);"
                    + " fetch(form.action, {method: 'POST', body: data})"
                    + "   .then(r => r.arrayBuffer().then(b => {"
                    + "     let s = ''; const u = new Uint8Array(b);"
                    + "     for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);"
                    + "     done(r.headers.get('Content-Type') + '|' + btoa(s)); }))"
                    + "   .catch(e => done('failed|' + e));",
                form,
                button,
                fields);
    String[] parts = answer.split("\\|", 2);
    return new Download(parts[0], java.util.Base64.getDecoder().decode(parts[1]));
  }
}
