package org.financingorchestrator.activities.afterpay;

import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.TypedResponse;
import java.util.List;

/**
 * Afterpay Online API v1, as the document describes it. Headers (Basic credentials, Accept,
 * Content-Type, User-Agent) come from {@link AfterpayHeaders}; every non-2xx answer fails with the
 * ApplicationFailure {@link AfterpayErrorDecoder} builds, and an I/O failure with a retryable
 * provider_unreachable one. Build it with {@link AfterpayApiFactory}.
 */
public interface AfterpayApi {

  /** The payment types and their ranges, with the headers: Cache-Control says how long to keep it. */
  @RequestLine("GET /v1/configuration")
  TypedResponse<List<AfterpayWire.PaymentConfiguration>> getConfiguration();

  @RequestLine("POST /v1/orders")
  AfterpayWire.Order createOrder(AfterpayWire.CreateOrderRequest order);

  /**
   * Idempotent by token. Afterpay documents a 70 s read timeout for this call alone (banking
   * networks), so the caller passes {@link AfterpayApiFactory#captureOptions}.
   */
  @RequestLine("POST /v1/payments/capture")
  AfterpayWire.Payment capture(AfterpayWire.CaptureRequest capture, Request.Options options);

  @RequestLine("GET /v1/payments/{paymentId}")
  AfterpayWire.Payment getPayment(@Param("paymentId") String paymentId);

  @RequestLine("GET /v1/payments/token:{token}")
  AfterpayWire.Payment getPaymentByToken(@Param("token") String token);

  /** Idempotent by the body's requestId. */
  @RequestLine("POST /v1/payments/{paymentId}/refund")
  AfterpayWire.Refund refund(
      @Param("paymentId") String paymentId, AfterpayWire.RefundRequest refund);

  /** Idempotent (a PUT); the answer's body is not needed, so a broken one does not fail it. */
  @RequestLine("PUT /v1/payments/{paymentId}/courier")
  void updateCourier(
      @Param("paymentId") String paymentId, AfterpayWire.Courier courier);
}
