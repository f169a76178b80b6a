package org.financingorchestrator.workflows.chargeafter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Map;
import org.financingorchestrator.workflows.common.Money;

/**
 * The merchant's send-link, as ChargeAfter's omnichannel/send-link names it, with the merchant's
 * own pages for the consumer's return ({@code redirectOnSuccessUrl}, {@code redirectOnFailureUrl}):
 * ChargeAfter is given ours, which forward there. {@code merchantOrderId} is the flow's business key.
 *
 * @param flow {@value #APPLY} or {@value #CHECKOUT}
 * @param sendUsing {@code email} or {@code redirectUrl}
 * @param tags name to a primitive value (string, number, boolean or null)
 */
public record ChargeAfterSendLinkRequest(
    String channel,
    String flow,
    String storeId,
    String posType,
    String posId,
    ChargeAfterConsumer consumerDetails,
    Boolean createCharge,
    String sendUsing,
    ChargeAfterCart cartDetails,
    String currency,
    String merchantOrderId,
    String correlationId,
    BigDecimal requestedLoanAmount,
    Map<String, Object> tags,
    String redirectOnSuccessUrl,
    String redirectOnFailureUrl) {

  public static final String APPLY = "apply";
  public static final String CHECKOUT = "checkout";
  public static final String DEFAULT_CURRENCY = "USD";

  @JsonIgnore
  public boolean checkout() {
    return CHECKOUT.equals(flow);
  }

  /** The currency given, or ChargeAfter's default. */
  @JsonIgnore
  public String currencyOrDefault() {
    return currency == null ? DEFAULT_CURRENCY : currency;
  }

  /** What the flow is about, for its status: the cart's total, the loan asked for, or zero. */
  @JsonIgnore
  public Money amount() {
    BigDecimal amount =
        cartDetails != null ? cartDetails.totalAmount() : requestedLoanAmount != null ? requestedLoanAmount : BigDecimal.ZERO;
    return new Money(amount, currencyOrDefault());
  }
}
