package com.costguard.model.audit;

import java.lang.reflect.Field;

/** Changes a stored entry behind the application's back, as someone with database access could. */
final class Tampering {

  private Tampering() {}

  static AuditEntry set(AuditEntry entry, String field, Object value) {
    try {
      Field f = AuditEntry.class.getDeclaredField(field);
      f.setAccessible(true);
      f.set(entry, value);
      return entry;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Changes a field and writes the hash that matches the change, as a careful forger would. */
  static AuditEntry forge(AuditEntry entry, String field, Object value) {
    set(entry, field, value);
    return set(entry, "hash", entry.computedHash());
  }
}
