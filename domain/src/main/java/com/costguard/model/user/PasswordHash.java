package com.costguard.model.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the work
 * factor can be raised later without breaking stored hashes.
 */
public final class PasswordHash {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "pbkdf2-sha256";
  static final int ITERATIONS = 310_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A hash compared against when the user does not exist, so both cases take equally long. */
  private static final String DECOY = of("decoy".toCharArray());

  private PasswordHash() {}

  public static String of(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encode(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  public static boolean matches(char[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, iterations));
  }

  /** Spends the time of one check, for an unknown user. */
  public static void checkDecoy(char[] password) {
    matches(password, DECOY);
  }

  private static String encode(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is part of every Java 17 runtime", e);
    }
  }
}
