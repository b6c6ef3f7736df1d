package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.model.user.PasswordHash;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Users who act both over the API (a token, as {@link TestUsers} makes them) and in the browser (a
 * password), signing in, and the desktop and phone screenshots of a portal page.
 */
final class PortalUsers {

  static final String PASSWORD = "a-long-test-password";

  private PortalUsers() {}

  /** A new user with {@code role}, an API token and {@link #PASSWORD}. */
  static TestUsers.TestUser create(String role) throws SQLException {
    TestUsers.TestUser user = TestUsers.create(role);
    try (Connection db = TestDatabase.connect();
        PreparedStatement update =
            db.prepareStatement("update users set password_hash = ? where username = ?")) {
      update.setString(1, PasswordHash.of(PASSWORD.toCharArray()));
      update.setString(2, user.username());
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    return user;
  }

  static void signIn(ChromeDriver browser, URL base, String username) {
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login:submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
  }

  /** The whole page at desktop (1366 px) and phone (390 px) width, to look at. */
  static void screenshots(ChromeDriver browser, String name) throws Exception {
    for (int width : new int[] {1366, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      Thread.sleep(300);
      long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
      browser.manage().window().setSize(new Dimension(width, (int) Math.min(4000, height + 120)));
      Thread.sleep(300);
      Browser.screenshot(browser, name + (width > 400 ? "-desktop" : "-mobile"));
    }
    browser.manage().window().setSize(new Dimension(1366, 900));
  }
}
