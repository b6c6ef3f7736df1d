package com.costguard.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as a UTC {@code DATETIME(6)}, whatever the JVM's time zone: a {@code
 * java.sql.Timestamp} would be shifted by the server's zone.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {

  @Override
  public LocalDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
