package org.financingorchestrator.api.afterpay;

import java.util.List;
import java.util.function.Function;
import org.financingorchestrator.api.common.MoneyBody;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayConsumer;
import org.financingorchestrator.workflows.afterpay.AfterpayContact;
import org.financingorchestrator.workflows.afterpay.AfterpayDiscount;
import org.financingorchestrator.workflows.afterpay.AfterpayItem;
import org.financingorchestrator.workflows.afterpay.AfterpayMerchantRedirects;
import org.financingorchestrator.workflows.common.Money;

/**
 * The merchant's validated request bodies into the workflow's records (the activities'
 * {@code AfterpayWireMapper} maps those records to and from Afterpay's wire).
 */
final class AfterpayBodyMapper {

  private AfterpayBodyMapper() {}

  static AfterpayCheckoutRequest checkout(AfterpayCheckoutBody body) {
    return new AfterpayCheckoutRequest(
        body.merchantReference(),
        body.totalAmount().toMoney(),
        consumer(body.consumer()),
        contact(body.billing()),
        contact(body.shipping()),
        body.courier() == null ? null : body.courier().toCourier(),
        body.description(),
        list(body.items(), i -> new AfterpayItem(i.name(), i.sku(), i.quantity(), i.price().toMoney())),
        list(body.discounts(), d -> new AfterpayDiscount(d.displayName(), d.amount().toMoney())),
        money(body.taxAmount()),
        money(body.shippingAmount()),
        new AfterpayMerchantRedirects(
            body.merchant().redirectConfirmUrl(), body.merchant().redirectCancelUrl()));
  }

  private static AfterpayConsumer consumer(ConsumerBody c) {
    return new AfterpayConsumer(c.phoneNumber(), c.givenNames(), c.surname(), c.email());
  }

  private static AfterpayContact contact(ContactBody c) {
    return c == null
        ? null
        : new AfterpayContact(
            c.name(), c.line1(), c.line2(), c.suburb(), c.state(), c.postcode(), c.countryCode(), c.phoneNumber());
  }

  private static Money money(MoneyBody money) {
    return money == null ? null : money.toMoney();
  }

  private static <B, R> List<R> list(List<B> bodies, Function<B, R> map) {
    return bodies == null ? List.of() : bodies.stream().map(map).toList();
  }
}
