package org.financingorchestrator.sandbox.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One effect a simulated provider performed. References are provider ids only (token, paymentId,
 * refundId, ...): never names, emails, phones, addresses or credentials.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(
    long seq,
    Instant time,
    String provider,
    String type,
    Map<String, String> references,
    String amount,
    String currency,
    String requestId) {

  /** True when any reference or the requestId equals value. */
  public boolean refersTo(String value) {
    return references.containsValue(value) || value.equals(requestId);
  }
}
