package com.costguard.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {

  @Test
  void theSessionCookieIsSecureWhenThePortalIsServedOverHttps() {
    assertThat(SessionCookies.secure(URI.create("https://costguard.example.com"))).isTrue();
    assertThat(SessionCookies.secure(URI.create("HTTPS://costguard.example.com/"))).isTrue();
    assertThat(SessionCookies.secure(URI.create("http://localhost:8080"))).isFalse();
  }
}
