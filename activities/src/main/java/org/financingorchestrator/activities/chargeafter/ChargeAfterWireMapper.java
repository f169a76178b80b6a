package org.financingorchestrator.activities.chargeafter;

import static org.financingorchestrator.activities.common.MalformedAnswers.require;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.activities.common.ProviderJson;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCallbacks;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCart;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterItem;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLinkSent;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterPostback;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkCall;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkRequest;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSessionStatus;

/** The workflow's records to ChargeAfter's JSON and back. */
final class ChargeAfterWireMapper {

  /** The status request's {@code status} once the session has ended (assumed, like the request). */
  static final String COMPLETED = "COMPLETED";
  static final String IN_PROGRESS = "IN_PROGRESS";

  private static final ObjectMapper JSON = ProviderJson.newObjectMapper();

  private ChargeAfterWireMapper() {}

  static ChargeAfterWire.SendLinkRequest sendLinkRequest(ChargeAfterSendLinkCall call) {
    ChargeAfterSendLinkRequest r = call.request();
    ChargeAfterCallbacks callbacks = call.callbacks();
    return new ChargeAfterWire.SendLinkRequest(
        r.channel(),
        r.flow(),
        r.storeId(),
        r.posType(),
        r.posId(),
        r.consumerDetails(),
        r.createCharge(),
        r.sendUsing(),
        cart(r.cartDetails()),
        r.currency(),
        r.merchantOrderId(),
        r.correlationId(),
        r.requestedLoanAmount(),
        r.tags(),
        callbacks.finalPostbackUrl(),
        callbacks.dataUpdatePostbackUrl(),
        callbacks.postbackAuthKey(),
        callbacks.redirectOnSuccessUrl(),
        callbacks.redirectOnFailureUrl());
  }

  private static ChargeAfterWire.CartDetails cart(ChargeAfterCart cart) {
    if (cart == null) {
      return null;
    }
    return new ChargeAfterWire.CartDetails(
        cart.items().stream().map(ChargeAfterWireMapper::item).toList(),
        // The document: a discount without an amount is not added (the API leaves such out too).
        cart.discounts().isEmpty()
            ? null
            : cart.discounts().stream()
                .filter(d -> d.amount() != null)
                .map(d -> new ChargeAfterWire.Discount(d.name(), d.amount()))
                .toList(),
        cart.taxAmount(),
        cart.shippingAmount(),
        cart.totalAmount());
  }

  private static ChargeAfterWire.Item item(ChargeAfterItem item) {
    return new ChargeAfterWire.Item(
        item.name(),
        item.price(),
        item.sku(),
        item.quantity(),
        item.leasable(),
        item.productCategory(),
        item.warranty() == null
            ? null
            : new ChargeAfterWire.Warranty(item.warranty().name(), item.warranty().price(), item.warranty().sku()));
  }

  /** A link for the consumer is needed when the merchant sends it itself (sendUsing redirectUrl). */
  static ChargeAfterLinkSent linkSent(ChargeAfterSendLinkCall call, ChargeAfterWire.SendLinkResponse response) {
    require(response, "body");
    if (!"true".equals(String.valueOf(response.success()))) {
      throw MalformedAnswers.unusable("success is not true");
    }
    String redirectUrl = response.redirectUrl();
    if ("redirectUrl".equals(call.request().sendUsing())) {
      require(redirectUrl, "redirectUrl");
    }
    return new ChargeAfterLinkSent(require(response.statusTrackingId(), "statusTrackingId"), redirectUrl);
  }

  static ChargeAfterSessionStatus sessionStatus(JsonNode answer) {
    require(answer, "body");
    String status = require(answer.path("status").asText(null), "status");
    if (IN_PROGRESS.equals(status)) {
      return new ChargeAfterSessionStatus(false, null);
    }
    if (!COMPLETED.equals(status)) {
      throw MalformedAnswers.unusable("status " + status + " is neither " + COMPLETED + " nor " + IN_PROGRESS);
    }
    try {
      return new ChargeAfterSessionStatus(true, JSON.treeToValue(answer, ChargeAfterPostback.class));
    } catch (JsonProcessingException | IllegalArgumentException unreadable) {
      throw MalformedAnswers.unusable("the ended session's fields could not be read");
    }
  }
}
