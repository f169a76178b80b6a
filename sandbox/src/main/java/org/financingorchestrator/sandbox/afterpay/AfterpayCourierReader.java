package org.financingorchestrator.sandbox.afterpay;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.JsonField;

/** Reads a Shipping Courier object, in an order or in PUT /v1/payments/{id}/courier. */
final class AfterpayCourierReader {

  static final Set<String> PRIORITIES = Set.of("STANDARD", "EXPRESS");

  private AfterpayCourierReader() {}

  /** The courier in field (an object), or null when invalid. */
  static AfterpayCourier read(FieldViolations v, JsonField courier) {
    int before = v.messages().size();
    String shippedAtText = v.text(courier.get("shippedAt"), OPTIONAL, FieldViolations.UNBOUNDED);
    String name = v.text(courier.get("name"), OPTIONAL, FieldViolations.UNBOUNDED);
    String tracking = v.text(courier.get("tracking"), OPTIONAL, FieldViolations.UNBOUNDED);
    String priority = v.text(courier.get("priority"), OPTIONAL, FieldViolations.UNBOUNDED);
    Instant shippedAt = null;
    if (shippedAtText != null) {
      shippedAt = instant(shippedAtText);
      if (shippedAt == null) {
        v.add(courier.get("shippedAt"), "must be an ISO 8601 date-time with a UTC offset");
      }
    }
    if (priority != null && !PRIORITIES.contains(priority)) {
      v.add(courier.get("priority"), "must be STANDARD or EXPRESS");
    }
    return v.messages().size() == before
        ? new AfterpayCourier(shippedAt, name, tracking, priority)
        : null;
  }

  /** "2015-01-01T00:00:00Z" or "2015-01-01T00:00:00-08:00", the two forms the document allows. */
  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
