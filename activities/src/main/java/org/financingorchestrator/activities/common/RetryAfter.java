package org.financingorchestrator.activities.common;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP Retry-After header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * The delay the provider asks for, or null when the header is absent, unreadable or already
   * past (the retry policy's own backoff applies then).
   */
  public static Duration parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    Duration delay = trimmed.chars().allMatch(Character::isDigit) ? seconds(trimmed) : untilDate(trimmed, clock);
    return delay == null || delay.isNegative() || delay.isZero() ? null : delay;
  }

  private static Duration seconds(String digits) {
    try {
      return Duration.ofSeconds(Long.parseLong(digits));
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  private static Duration untilDate(String httpDate, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Duration.between(clock.instant(), at.toInstant());
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
