package org.financingorchestrator.api.chargeafter;

import java.util.List;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterAddress;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCart;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterConsumer;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterDiscount;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterItem;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkRequest;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterWarranty;

/** A validated body to the workflow's request; discounts without an amount are left out. */
final class ChargeAfterBodyMapper {

  private ChargeAfterBodyMapper() {}

  static ChargeAfterSendLinkRequest sendLink(ChargeAfterSendLinkBody body) {
    return new ChargeAfterSendLinkRequest(
        body.channel(),
        body.flow(),
        body.storeId(),
        body.posType(),
        body.posId(),
        consumer(body.consumerDetails()),
        body.createCharge(),
        body.sendUsing(),
        cart(body.cartDetails()),
        body.currency(),
        body.merchantOrderId(),
        body.correlationId(),
        body.requestedLoanAmount(),
        body.tags(),
        body.redirectOnSuccessURL(),
        body.redirectOnFailureURL());
  }

  private static ChargeAfterConsumer consumer(ChargeAfterConsumerBody c) {
    return c == null
        ? null
        : new ChargeAfterConsumer(
            c.firstName(), c.lastName(), c.email(), c.mobilePhoneNumber(), c.merchantConsumerId(),
            address(c.shippingAddress()), address(c.billingAddress()));
  }

  private static ChargeAfterAddress address(ChargeAfterAddressBody a) {
    return a == null ? null : new ChargeAfterAddress(a.line1(), a.line2(), a.city(), a.zipCode(), a.state());
  }

  private static ChargeAfterCart cart(ChargeAfterCartBody cart) {
    if (cart == null) {
      return null;
    }
    List<ChargeAfterDiscount> discounts =
        cart.discounts() == null
            ? List.of()
            : cart.discounts().stream()
                .filter(d -> d.amount() != null)
                .map(d -> new ChargeAfterDiscount(d.name(), d.amount()))
                .toList();
    return new ChargeAfterCart(
        cart.items().stream().map(ChargeAfterBodyMapper::item).toList(),
        discounts,
        cart.taxAmount(),
        cart.shippingAmount(),
        cart.totalAmount());
  }

  private static ChargeAfterItem item(ChargeAfterItemBody i) {
    return new ChargeAfterItem(
        i.name(), i.price(), i.sku(), i.quantity(), i.leasable(), i.productCategory(),
        i.warranty() == null ? null : new ChargeAfterWarranty(i.warranty().name(), i.warranty().price(), i.warranty().sku()));
  }
}
