package com.costguard.application;

import java.time.Instant;

/**
 * A new API token as its one answer shows it: the token itself is kept only as its SHA-256 hash, so
 * this is the only time anyone sees it.
 */
public record IssuedToken(long userId, String token, String label, Instant createdAt) {

  /** Without the token, which must never reach a log. */
  @Override
  public String toString() {
    return "IssuedToken[userId=%d, label=%s, createdAt=%s]".formatted(userId, label, createdAt);
  }
}
