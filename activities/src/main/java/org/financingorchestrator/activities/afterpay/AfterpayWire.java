package org.financingorchestrator.activities.afterpay;

import java.time.Instant;
import java.util.List;

/**
 * Afterpay Online API v1 JSON, field for field as the document names them. Used only between
 * {@link AfterpayApi} and {@link AfterpayWireMapper}; the rest of the project sees the workflows'
 * records. Responses keep only the fields the flow acts on (orderDetails, with its personal data,
 * is never read).
 */
public final class AfterpayWire {

  private AfterpayWire() {}

  /** Afterpay's Money: the amount as a string with exactly two decimals, e.g. "21.85". */
  public record Money(String amount, String currency) {}

  public record Consumer(String phoneNumber, String givenNames, String surname, String email) {}

  public record Contact(
      String name,
      String line1,
      String line2,
      String suburb,
      String state,
      String postcode,
      String countryCode,
      String phoneNumber) {}

  public record Courier(Instant shippedAt, String name, String tracking, String priority) {}

  public record Item(String name, String sku, int quantity, Money price) {}

  public record Discount(String displayName, Money amount) {}

  /** Where Afterpay sends the shopper's browser back: this project's callbacks. */
  public record Merchant(String redirectConfirmUrl, String redirectCancelUrl) {}

  /** Body of POST /v1/orders. */
  public record CreateOrderRequest(
      Money totalAmount,
      Consumer consumer,
      Contact billing,
      Contact shipping,
      Courier courier,
      String description,
      List<Item> items,
      List<Discount> discounts,
      Merchant merchant,
      String merchantReference,
      Money taxAmount,
      Money shippingAmount) {}

  /** Answer of POST /v1/orders (201). */
  public record Order(String token, Instant expires) {}

  /** Body of POST /v1/payments/capture. */
  public record CaptureRequest(String token, String merchantReference) {}

  /** A Payment, as capture, get payment and update courier answer it. */
  public record Payment(
      String id,
      String token,
      String status,
      Instant created,
      Money totalAmount,
      String merchantReference,
      List<PaymentRefund> refunds) {}

  /** A Refund object in a Payment's refunds: no requestId, so the merchantReference identifies it. */
  public record PaymentRefund(String id, Instant refundedAt, String merchantReference, Money amount) {}

  /** Body of POST /v1/payments/{paymentId}/refund. */
  public record RefundRequest(String requestId, Money amount, String merchantReference) {}

  /** Answer of POST /v1/payments/{paymentId}/refund (201). */
  public record Refund(
      String requestId, Money amount, String merchantReference, String refundId, Instant refundedAt) {}

  /** One entry of GET /v1/configuration. */
  public record PaymentConfiguration(
      String type, String description, Money minimumAmount, Money maximumAmount) {}

  /** Afterpay's error body. */
  public record ErrorBody(String errorCode, String errorId, String message, Integer httpStatusCode) {}
}
