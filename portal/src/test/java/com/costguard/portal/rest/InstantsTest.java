package com.costguard.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantsTest {

  /** The fast path answers what Instant.parse answers, a value or a refusal. */
  private static void sameAsInstantParse(String text) {
    Instant expected;
    try {
      expected = Instant.parse(text);
    } catch (DateTimeException e) {
      assertThatThrownBy(() -> Instants.parse(text)).as(text).isInstanceOf(DateTimeException.class);
      return;
    }
    assertThat(Instants.parse(text)).as(text).isEqualTo(expected);
  }

  @Test
  void readsWhatInstantParseReadsWhateverTheFraction() {
    Random random = new Random(24);
    String digits = "0123456789";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text =
          new StringBuilder(
              "%04d-%02d-%02dT%02d:%02d:%02d"
                  .formatted(
                      random.nextInt(10_000),
                      random.nextInt(14),
                      random.nextInt(33),
                      random.nextInt(26),
                      random.nextInt(62),
                      random.nextInt(62)));
      int fraction = random.nextInt(11) - 1;
      if (fraction >= 0) {
        text.append('.');
        for (int d = 0; d < fraction; d++) {
          text.append(digits.charAt(random.nextInt(10)));
        }
      }
      sameAsInstantParse(text.append('Z').toString());
    }
  }

  @Test
  void leavesEveryOtherFormToInstantParse() {
    for (String text :
        List.of(
            "2026-11-23T10:15:30Z",
            "2026-11-23T10:15:30.5Z",
            "2026-11-23T10:15:30.123456789Z",
            "2026-11-23T10:15:30.1234567890Z",
            "2026-11-23t10:15:30z",
            "2026-11-23T10:15:30+01:00",
            "2026-11-23T10:15:30.Z",
            "2026-11-23T23:59:60Z",
            "2026-02-29T10:15:30Z",
            "2028-02-29T10:15:30Z",
            "2026-11-23T24:00:00Z",
            "+12026-11-23T10:15:30Z",
            "2026-11-23T10:15Z",
            "2026-11-23 10:15:30Z",
            "2026-1a-23T10:15:30Z",
            "2026-11-23T10:15:30.12a4Z",
            "")) {
      sameAsInstantParse(text);
    }
  }
}
