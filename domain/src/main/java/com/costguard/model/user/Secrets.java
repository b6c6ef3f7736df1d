package com.costguard.model.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (generated passwords and API tokens) and the SHA-256 under which tokens are kept.
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A URL-safe random secret of {@code bytes} random bytes. */
  public static String generate(String prefix, int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /**
   * Hex SHA-256 of an API token: tokens are long and random, so no salt or stretching is needed.
   */
  public static String tokenHash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
    }
  }
}
