package org.financingorchestrator.activities.chargeafter;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Param;
import feign.RequestLine;

/**
 * ChargeAfter's omnichannel/send-link API. Headers come from {@link ChargeAfterHeaders}; every
 * non-2xx answer fails with the ApplicationFailure {@link ChargeAfterErrorDecoder} builds. Build it
 * with {@link ChargeAfterApiFactory}.
 */
public interface ChargeAfterApi {

  @RequestLine("POST /omnichannel/send-link")
  ChargeAfterWire.SendLinkResponse sendLink(ChargeAfterWire.SendLinkRequest request);

  /** The status request (path and answer assumed: the final postback's fields and a status). */
  @RequestLine("GET /omnichannel/send-link/status/{statusTrackingId}")
  JsonNode status(@Param("statusTrackingId") String statusTrackingId);
}
