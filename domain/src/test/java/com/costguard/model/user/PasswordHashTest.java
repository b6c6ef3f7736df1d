package com.costguard.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void theRightPasswordMatchesAndOthersDoNot() {
    String stored = PasswordHash.of("correct horse".toCharArray());

    assertThat(PasswordHash.matches("correct horse".toCharArray(), stored)).isTrue();
    assertThat(PasswordHash.matches("correct horse ".toCharArray(), stored)).isFalse();
    assertThat(PasswordHash.matches("".toCharArray(), stored)).isFalse();
  }

  @Test
  void theHashIsSaltedPbkdf2AndNeverThePassword() {
    String first = PasswordHash.of("pässwörd".toCharArray());
    String second = PasswordHash.of("pässwörd".toCharArray());

    assertThat(first).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
    assertThat(first).isNotEqualTo(second).doesNotContain("pässwörd");
    assertThat(PasswordHash.matches("pässwörd".toCharArray(), second)).isTrue();
  }

  @Test
  void aMalformedStoredHashMatchesNothing() {
    assertThat(PasswordHash.matches("x".toCharArray(), "plain-text")).isFalse();
  }

  @Test
  void tokensAreKeptAsTheirSha256() {
    assertThat(Secrets.tokenHash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Secrets.generate("cg_", 24)).startsWith("cg_").hasSize(3 + 32);
  }
}
