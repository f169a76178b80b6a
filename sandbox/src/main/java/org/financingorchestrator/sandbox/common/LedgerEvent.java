package org.financingorchestrator.sandbox.common;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An effect about to be written to the ledger; the ledger adds its sequence number and time. */
public final class LedgerEvent {

  private final String provider;
  private final String type;
  private final Map<String, String> references = new LinkedHashMap<>();
  private String amount;
  private String currency;
  private String requestId;

  private LedgerEvent(String provider, String type) {
    this.provider = provider;
    this.type = type;
  }

  public static LedgerEvent of(String provider, String type) {
    return new LedgerEvent(provider, type);
  }

  /** Adds a provider id; null values are left out. */
  public LedgerEvent reference(String name, String value) {
    if (value != null) {
      references.put(name, value);
    }
    return this;
  }

  public LedgerEvent amount(BigDecimal value, String currencyCode) {
    this.amount = DecimalAmounts.format(value);
    this.currency = currencyCode;
    return this;
  }

  public LedgerEvent requestId(String value) {
    this.requestId = value;
    return this;
  }

  LedgerEntry toEntry(long seq, java.time.Instant time) {
    return new LedgerEntry(
        seq,
        time,
        provider,
        type,
        Collections.unmodifiableMap(new LinkedHashMap<>(references)),
        amount,
        currency,
        requestId);
  }
}
