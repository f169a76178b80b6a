package org.financingorchestrator.activities.chargeafter;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterConsumer;

/**
 * ChargeAfter's JSON as the send-link document spells it (the URL fields end in "URL"). Amounts
 * are JSON numbers, written from exact decimals. The postback and status answers are read into
 * the workflow's own ChargeAfterPostback, whose fields are the document's.
 */
public final class ChargeAfterWire {

  private ChargeAfterWire() {}

  public record SendLinkRequest(
      String channel,
      String flow,
      String storeId,
      String posType,
      String posId,
      ChargeAfterConsumer consumerDetails,
      Boolean createCharge,
      String sendUsing,
      CartDetails cartDetails,
      String currency,
      String merchantOrderId,
      String correlationId,
      BigDecimal requestedLoanAmount,
      Map<String, Object> tags,
      @JsonProperty("finalPostbackURL") String finalPostbackUrl,
      @JsonProperty("dataUpdatePostbackURL") String dataUpdatePostbackUrl,
      String postbackAuthKey,
      @JsonProperty("redirectOnSuccessURL") String redirectOnSuccessUrl,
      @JsonProperty("redirectOnFailureURL") String redirectOnFailureUrl) {

    @Override
    public String toString() {
      return "SendLinkRequest[flow=" + flow + ", merchantOrderId=" + merchantOrderId + "]";
    }
  }

  public record CartDetails(
      List<Item> items, List<Discount> discounts, BigDecimal taxAmount, BigDecimal shippingAmount, BigDecimal totalAmount) {}

  public record Item(
      String name, BigDecimal price, String sku, long quantity, Boolean leasable, String productCategory, Warranty warranty) {}

  public record Warranty(String name, BigDecimal price, String sku) {}

  public record Discount(String name, BigDecimal amount) {}

  /** The document's response sample; {@code redirectUrl} (assumed) carries the link for sendUsing redirectUrl. */
  public record SendLinkResponse(String success, String statusTrackingId, String correlationId, String redirectUrl) {}

  /** An error answer: {@code {success: false, error: {code, message}}}, or code and message at the top. */
  public record ErrorBody(Error error, String code, String message) {}

  public record Error(String code, String message) {}
}
