package org.financingorchestrator.activities.affirm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Affirm's charges API v2 JSON, in its own snake_case names; amounts are integer cents. Used only
 * between {@link AffirmApi} and {@link AffirmWireMapper}. The charge's {@code details} (the
 * shopper's items and addresses) are never read.
 */
public final class AffirmWire {

  private AffirmWire() {}

  /** Body of POST /api/v2/charges. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record AuthorizeRequest(String checkoutToken, String orderId) {}

  /** The charge object, as far as the flow reads it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Charge(
      String id,
      Instant created,
      String currency,
      Long amount,
      Long authHold,
      Long payable,
      @JsonProperty("void") Boolean voided,
      Instant expires,
      String orderId,
      List<Event> events) {}

  /** A charge event, and the answer of capture, void, refund and update. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Event(String id, String transactionId, String type, Long amount, String currency, Instant created) {}

  /** Body of capture: all optional; no amount captures the whole authorization. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CaptureRequest(String orderId, String shippingCarrier, String shippingConfirmation, Long amount) {}

  /** Body of refund. */
  public record RefundRequest(Long amount) {}

  /** Body of update. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record UpdateRequest(String orderId, String shippingCarrier, String shippingConfirmation) {}

  /** Affirm's error body. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ErrorBody(Integer statusCode, String type, String code, String message, String field) {}
}
