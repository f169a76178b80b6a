package org.financingorchestrator.activities.affirm;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * Affirm's charges API v2. Authorization is its document's; capture, void, refund and update are
 * Affirm's public v2 API as assumed in README. Every call carries the flow's Idempotency-Key;
 * Basic credentials, Accept and Content-Type come from {@link AffirmHeaders}; every non-2xx
 * answer fails with the ApplicationFailure {@link AffirmErrorDecoder} builds.
 */
public interface AffirmApi {

  String IDEMPOTENCY_KEY = "Idempotency-Key: {key}";

  @RequestLine("POST /api/v2/charges")
  @Headers(IDEMPOTENCY_KEY)
  AffirmWire.Charge authorize(@Param("key") String key, AffirmWire.AuthorizeRequest authorization);

  @RequestLine("POST /api/v2/charges/{chargeId}/capture")
  @Headers(IDEMPOTENCY_KEY)
  AffirmWire.Event capture(@Param("chargeId") String chargeId, @Param("key") String key, AffirmWire.CaptureRequest capture);

  @RequestLine("POST /api/v2/charges/{chargeId}/void")
  @Headers(IDEMPOTENCY_KEY)
  AffirmWire.Event voidCharge(@Param("chargeId") String chargeId, @Param("key") String key);

  @RequestLine("POST /api/v2/charges/{chargeId}/refund")
  @Headers(IDEMPOTENCY_KEY)
  AffirmWire.Event refund(@Param("chargeId") String chargeId, @Param("key") String key, AffirmWire.RefundRequest refund);

  @RequestLine("POST /api/v2/charges/{chargeId}/update")
  @Headers(IDEMPOTENCY_KEY)
  AffirmWire.Event update(@Param("chargeId") String chargeId, @Param("key") String key, AffirmWire.UpdateRequest update);
}
