package org.financingorchestrator.sandbox.afterpay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.financingorchestrator.sandbox.common.DecimalAmounts;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.springframework.util.MultiValueMap;

/**
 * List Payments' query parameters. Repeated values of one parameter match any of them; different
 * parameters must all match. fromCreatedDate is inclusive, toCreatedDate exclusive.
 */
record AfterpayPaymentQuery(
    Instant fromCreatedDate,
    Instant toCreatedDate,
    int limit,
    int offset,
    List<String> tokens,
    List<String> ids,
    List<String> merchantReferences,
    List<String> statuses,
    String orderBy,
    boolean ascending) {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 250;

  private static final DateTimeFormatter LENIENT_DATE = DateTimeFormatter.ofPattern("uuuu-M-d");

  private static final Map<String, Comparator<AfterpayPayment>> ORDERS =
      Map.of(
          "createdAt", Comparator.comparing(AfterpayPayment::created),
          "id", Comparator.comparing(p -> Long.parseLong(p.id())),
          "amount", Comparator.comparing(p -> p.totalAmount().value()),
          "merchantReference", nullsLast(AfterpayPayment::merchantReference),
          "email", nullsLast(AfterpayPaymentQuery::email));

  static AfterpayPaymentQuery from(MultiValueMap<String, String> params) {
    FieldViolations v = new FieldViolations();
    Instant from = date(v, "fromCreatedDate", params.getFirst("fromCreatedDate"));
    Instant to = date(v, "toCreatedDate", params.getFirst("toCreatedDate"));
    int limit = number(v, "limit", params.getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    int offset = number(v, "offset", params.getFirst("offset"), 0, Integer.MAX_VALUE);
    List<String> statuses = values(params, "statuses");
    for (String status : statuses) {
      if (!Set.of("APPROVED", "DECLINED").contains(status)) {
        v.add("statuses", "must be APPROVED or DECLINED");
      }
    }
    String orderBy = params.getFirst("orderBy");
    if (orderBy == null || orderBy.isBlank()) {
      orderBy = "createdAt";
    } else if (!ORDERS.containsKey(orderBy)) {
      v.add("orderBy", "must be one of " + ORDERS.keySet().stream().sorted().toList());
    }
    String ascendingText = params.getFirst("ascending");
    boolean ascending = false;
    if (ascendingText != null && !ascendingText.isBlank()) {
      String lower = ascendingText.toLowerCase(Locale.ROOT);
      if (!lower.equals("true") && !lower.equals("false")) {
        v.add("ascending", "must be true or false");
      }
      ascending = lower.equals("true");
    }
    if (!v.isEmpty()) {
      throw AfterpayErrors.invalidObject(v);
    }
    return new AfterpayPaymentQuery(
        from,
        to,
        limit,
        offset,
        values(params, "tokens"),
        values(params, "ids"),
        values(params, "merchantReferences"),
        statuses,
        orderBy,
        ascending);
  }

  boolean matches(AfterpayPayment p) {
    return (fromCreatedDate == null || !p.created().isBefore(fromCreatedDate))
        && (toCreatedDate == null || p.created().isBefore(toCreatedDate))
        && (tokens.isEmpty() || tokens.contains(p.token()))
        && (ids.isEmpty() || ids.contains(p.id()))
        && (merchantReferences.isEmpty() || merchantReferences.contains(p.merchantReference()))
        && (statuses.isEmpty() || statuses.contains(p.status().name()));
  }

  /** The requested order, newest (largest) first unless ascending; ties broken by id. */
  Comparator<AfterpayPayment> order() {
    Comparator<AfterpayPayment> chosen =
        ORDERS.get(orderBy).thenComparing(p -> Long.parseLong(p.id()));
    return ascending ? chosen : chosen.reversed();
  }

  private static String email(AfterpayPayment p) {
    AfterpayConsumer consumer = p.orderDetails().consumer();
    return consumer == null ? null : consumer.email();
  }

  private static Comparator<AfterpayPayment> nullsLast(Function<AfterpayPayment, String> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  private static List<String> values(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    return values == null ? List.of() : values.stream().filter(s -> !s.isBlank()).toList();
  }

  private static int number(FieldViolations v, String name, String text, int dflt, int max) {
    if (text == null || text.isBlank()) {
      return dflt;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    v.add(
        name,
        "must be a whole number between 0 and " + max + " (was " + DecimalAmounts.echo(text) + ")");
    return dflt;
  }

  /** ISO 8601 date-time (UTC or offset), or a date meaning its start in UTC. */
  private static Instant date(FieldViolations v, String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant instant = AfterpayCourierReader.instant(text.trim());
    if (instant != null) {
      return instant;
    }
    try {
      return LocalDate.parse(text.trim(), LENIENT_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      v.add(name, "must be an ISO 8601 date or date-time");
      return null;
    }
  }
}
