package org.financingorchestrator.activities.flexiti;

import feign.Headers;
import feign.RequestLine;

/** Flexiti's authentication: the only call made without the bearer token. */
interface FlexitiAuthApi {

  @RequestLine("POST /oauth/token")
  @Headers("Accept: application/json")
  FlexitiWire.Token token(FlexitiTokenForm form);
}
