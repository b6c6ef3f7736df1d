package com.costguard.model.audit;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit log (SPEC §7): who changed what, when, through which face, from what to
 * what. Entries are only ever appended, never changed: every column is written once. Each entry
 * holds the SHA-256 of its content and of the previous entry's hash, so that a changed, removed or
 * reordered entry breaks the chain ({@link AuditChain}).
 *
 * <h2>Canonical form (what {@link #hash()} is the SHA-256 of)</h2>
 *
 * The UTF-8 bytes of the first line {@code costguard-audit-v1} followed by one line per field, in
 * this order: {@code seq}, {@code at}, {@code actor}, {@code channel}, {@code action}, {@code
 * subjectType}, {@code subjectId}, {@code oldValue}, {@code newValue}, {@code changePercent},
 * {@code justification}, {@code approver}, {@code prevHash}. Every line, the first included, ends
 * with {@code \n} (LF). A field's line is its name, {@code =}, then
 *
 * <ul>
 *   <li>{@code -} when the field is absent (SQL NULL), or
 *   <li>the number of UTF-8 bytes of its text in decimal, {@code :}, and the text itself (so an
 *       empty text is {@code 0:}, and text holding newlines or {@code =} stays unambiguous).
 * </ul>
 *
 * The texts: {@code seq} in decimal; {@code at} as ISO-8601 in UTC with exactly six fractional
 * digits ({@code 2026-03-02T13:00:00.000000Z}); {@code channel} as its {@link Channel#wireName()};
 * {@code action} as its {@link AuditAction#wireName()}; {@code oldValue} and {@code newValue} as
 * the stored JSON text, byte for byte (not re-serialised); {@code changePercent} as {@link
 * BigDecimal#toPlainString()} with two decimals ({@code 50.00}, {@code -33.33}); {@code prevHash}
 * as 64 lower-case hex digits, {@link #GENESIS} for the first entry. The hash is the SHA-256 of
 * those bytes in 64 lower-case hex digits. The row's {@code id} is not part of it: {@code seq} is
 * the order of the chain.
 */
@Entity
@Cacheable(false) // verification must read what the database holds, never a cached copy
@Table(name = "audit_log")
public class AuditEntry {

  /** The version line that starts the canonical form. */
  public static final String FORMAT = "costguard-audit-v1";

  /** The {@code prevHash} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private long seq;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String channel;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "subject_type", nullable = false, updatable = false)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, updatable = false)
  private String subjectId;

  @Column(name = "old_value", updatable = false)
  private String oldValue;

  @Column(name = "new_value", updatable = false)
  private String newValue;

  @Column(name = "change_percent", precision = 30, scale = 2, updatable = false)
  private BigDecimal changePercent;

  @Column(updatable = false)
  private String justification;

  @Column(updatable = false)
  private String approver;

  @Column(name = "prev_hash", nullable = false, updatable = false)
  private String prevHash;

  @Column(nullable = false, updatable = false)
  private String hash;

  protected AuditEntry() {}

  /**
   * The entry that follows the one whose hash is {@code prevHash}, hashed.
   *
   * @param at kept to the microsecond, as {@code DATETIME(6)} stores it
   * @param actor a username, or {@code system}
   */
  public AuditEntry(
      long seq, Instant at, String actor, Channel channel, AuditedChange change, String prevHash) {
    this.seq = seq;
    this.at = at.truncatedTo(ChronoUnit.MICROS);
    this.actor = Objects.requireNonNull(actor, "actor");
    this.channel = channel.wireName();
    this.action = change.action().wireName();
    this.subjectType = change.subjectType();
    this.subjectId = change.subjectId();
    this.oldValue = change.oldValue().orElse(null);
    this.newValue = change.newValue().orElse(null);
    this.changePercent =
        change.changePercent().map(p -> p.setScale(2, RoundingMode.UNNECESSARY)).orElse(null);
    this.justification = change.justification().orElse(null);
    this.approver = change.approver().orElse(null);
    this.prevHash = Objects.requireNonNull(prevHash, "prevHash");
    this.hash = computedHash();
  }

  /** The canonical form described above, of the entry as it is now. */
  public String canonicalForm() {
    StringBuilder form = new StringBuilder(FORMAT).append('\n');
    field(form, "seq", Long.toString(seq));
    field(form, "at", AT.format(at));
    field(form, "actor", actor);
    field(form, "channel", channel);
    field(form, "action", action);
    field(form, "subjectType", subjectType);
    field(form, "subjectId", subjectId);
    field(form, "oldValue", oldValue);
    field(form, "newValue", newValue);
    field(form, "changePercent", changePercent == null ? null : changePercent.toPlainString());
    field(form, "justification", justification);
    field(form, "approver", approver);
    field(form, "prevHash", prevHash);
    return form.toString();
  }

  /**
   * The SHA-256 of the entry's canonical form as it is now; equals {@link #hash()} unless changed.
   */
  public String computedHash() {
    return sha256(canonicalForm());
  }

  private static void field(StringBuilder form, String name, String text) {
    form.append(name).append('=');
    if (text == null) {
      form.append('-');
    } else {
      form.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
    }
    form.append('\n');
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
    }
  }

  public long seq() {
    return seq;
  }

  public Instant at() {
    return at;
  }

  /** The username of who made the change, or {@code system}. */
  public String actor() {
    return actor;
  }

  /** The channel's wire name as stored. */
  public String channel() {
    return channel;
  }

  /** The action's wire name as stored. */
  public String action() {
    return action;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public Optional<String> oldValue() {
    return Optional.ofNullable(oldValue);
  }

  public Optional<String> newValue() {
    return Optional.ofNullable(newValue);
  }

  public Optional<BigDecimal> changePercent() {
    return Optional.ofNullable(changePercent);
  }

  public Optional<String> justification() {
    return Optional.ofNullable(justification);
  }

  public Optional<String> approver() {
    return Optional.ofNullable(approver);
  }

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}
