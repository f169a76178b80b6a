package org.financingorchestrator.activities.afterpay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayConsumer;
import org.financingorchestrator.workflows.afterpay.AfterpayContact;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayCreateOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayDiscount;
import org.financingorchestrator.workflows.afterpay.AfterpayItem;
import org.financingorchestrator.workflows.afterpay.AfterpayOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayPayment;
import org.financingorchestrator.workflows.afterpay.AfterpayPaymentLimits;
import org.financingorchestrator.workflows.afterpay.AfterpayRefundCall;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.RefundRecord;

/** Converts between the workflows' records and Afterpay's JSON, at the client's edge only. */
final class AfterpayWireMapper {

  static final String PAY_BY_INSTALLMENT = "PAY_BY_INSTALLMENT";

  private AfterpayWireMapper() {}

  /**
   * The Create Order body. Afterpay redirects the shopper to this flow's callbacks, never to the
   * merchant's own pages: the workflow decides between those after the capture.
   */
  static AfterpayWire.CreateOrderRequest createOrderRequest(AfterpayCreateOrder call) {
    AfterpayCheckoutRequest checkout = call.checkout();
    AfterpayCallbacks callbacks = call.callbacks();
    return new AfterpayWire.CreateOrderRequest(
        money(checkout.totalAmount()),
        consumer(checkout.consumer()),
        contact(checkout.billing()),
        contact(checkout.shipping()),
        courier(checkout.courier()),
        checkout.description(),
        list(checkout.items(), AfterpayWireMapper::item),
        list(checkout.discounts(), AfterpayWireMapper::discount),
        new AfterpayWire.Merchant(callbacks.confirmUrl(), callbacks.cancelUrl()),
        checkout.merchantReference(),
        money(checkout.taxAmount()),
        money(checkout.shippingAmount()));
  }

  static AfterpayWire.RefundRequest refundRequest(AfterpayRefundCall call) {
    return new AfterpayWire.RefundRequest(
        call.requestId(), money(call.amount()), call.merchantReference());
  }

  static AfterpayWire.Courier courier(AfterpayCourier courier) {
    return courier == null
        ? null
        : new AfterpayWire.Courier(
            courier.shippedAt(), courier.name(), courier.tracking(), courier.priority());
  }

  static AfterpayOrder order(AfterpayWire.Order order) {
    MalformedAnswers.require(order, "the order");
    return new AfterpayOrder(
        MalformedAnswers.require(order.token(), "token"), MalformedAnswers.require(order.expires(), "expires"));
  }

  static AfterpayPayment payment(AfterpayWire.Payment payment) {
    MalformedAnswers.require(payment, "the payment");
    return new AfterpayPayment(
        MalformedAnswers.require(payment.id(), "id"),
        payment.token(),
        MalformedAnswers.require(payment.status(), "status"),
        requiredMoney(payment.totalAmount(), "totalAmount"),
        payment.created());
  }

  /**
   * The payment's refund with the call's merchantReference, as the flow records it (with the
   * call's requestId, which Afterpay's Refund object does not carry); null when there is none.
   */
  static RefundRecord refundFound(AfterpayRefundCall call, AfterpayWire.Payment payment) {
    MalformedAnswers.require(payment, "the payment");
    // "No such refund" settles a refund as not made: only a payment that is one may say so.
    MalformedAnswers.require(payment.id(), "id");
    List<AfterpayWire.PaymentRefund> refunds = payment.refunds() == null ? List.of() : payment.refunds();
    return refunds.stream()
        .filter(refund -> refund != null && call.merchantReference().equals(refund.merchantReference()))
        .findFirst()
        .map(
            refund ->
                new RefundRecord(
                    MalformedAnswers.require(refund.id(), "refunds[].id"),
                    call.requestId(),
                    refund.merchantReference(),
                    requiredMoney(refund.amount(), "refunds[].amount"),
                    refund.refundedAt()))
        .orElse(null);
  }

  /**
   * The refund as the flow records it: the requestId is the one the workflow gave (and Afterpay
   * echoes); reference and amount fall back to the call's when the answer leaves them out.
   */
  static RefundRecord refundRecord(AfterpayRefundCall call, AfterpayWire.Refund refund) {
    MalformedAnswers.require(refund, "the refund");
    return new RefundRecord(
        MalformedAnswers.require(refund.refundId(), "refundId"),
        call.requestId(),
        refund.merchantReference() != null ? refund.merchantReference() : call.merchantReference(),
        refund.amount() != null ? money(refund.amount()) : call.amount(),
        refund.refundedAt());
  }

  /** The PAY_BY_INSTALLMENT range; both null when the merchant has no such payment type. */
  static AfterpayPaymentLimits limits(List<AfterpayWire.PaymentConfiguration> configuration) {
    return configuration.stream()
        .filter(entry -> entry != null && PAY_BY_INSTALLMENT.equals(entry.type()))
        .findFirst()
        .map(entry -> new AfterpayPaymentLimits(money(entry.minimumAmount()), money(entry.maximumAmount())))
        .orElseGet(() -> new AfterpayPaymentLimits(null, null));
  }

  /** "21.85": exactly two decimals, as Afterpay requires; never rounds (Money is exact already). */
  static AfterpayWire.Money money(Money money) {
    return money == null
        ? null
        : new AfterpayWire.Money(
            money.amount().setScale(Money.SCALE, RoundingMode.UNNECESSARY).toPlainString(),
            money.currency());
  }

  static Money money(AfterpayWire.Money money) {
    return money == null ? null : new Money(new BigDecimal(money.amount()), money.currency());
  }

  private static Money requiredMoney(AfterpayWire.Money money, String field) {
    MalformedAnswers.require(money, field);
    return new Money(
        new BigDecimal(MalformedAnswers.require(money.amount(), field + ".amount")),
        MalformedAnswers.require(money.currency(), field + ".currency"));
  }

  private static AfterpayWire.Consumer consumer(AfterpayConsumer consumer) {
    return consumer == null
        ? null
        : new AfterpayWire.Consumer(
            consumer.phoneNumber(), consumer.givenNames(), consumer.surname(), consumer.email());
  }

  private static AfterpayWire.Contact contact(AfterpayContact contact) {
    return contact == null
        ? null
        : new AfterpayWire.Contact(
            contact.name(),
            contact.line1(),
            contact.line2(),
            contact.suburb(),
            contact.state(),
            contact.postcode(),
            contact.countryCode(),
            contact.phoneNumber());
  }

  private static AfterpayWire.Item item(AfterpayItem item) {
    return new AfterpayWire.Item(item.name(), item.sku(), item.quantity(), money(item.price()));
  }

  private static AfterpayWire.Discount discount(AfterpayDiscount discount) {
    return new AfterpayWire.Discount(discount.displayName(), money(discount.amount()));
  }

  /** Empty lists are left out like any other absent optional field. */
  private static <A, B> List<B> list(List<A> values, Function<A, B> convert) {
    return values == null || values.isEmpty() ? null : values.stream().map(convert).toList();
  }
}
