package com.costguard.model.audit;

import java.util.Optional;

/**
 * What checking the audit chain found: either every entry is intact, or the first broken link.
 *
 * @param entries how many entries were checked and found intact (all of them when {@code ok})
 * @param brokenAt the seq of the first entry that is changed, missing or out of place
 * @param reason what is wrong there, for a person
 */
public record ChainVerification(
    boolean ok, long entries, Optional<Long> brokenAt, Optional<String> reason) {

  public static ChainVerification intact(long entries) {
    return new ChainVerification(true, entries, Optional.empty(), Optional.empty());
  }

  public static ChainVerification broken(long intactEntries, long brokenAt, String reason) {
    return new ChainVerification(false, intactEntries, Optional.of(brokenAt), Optional.of(reason));
  }
}
