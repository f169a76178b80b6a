package org.financingorchestrator.api.chargeafter;

import org.financingorchestrator.api.common.CallbackSignatures;
import org.springframework.stereotype.Component;

/**
 * Each flow's postbackAuthKey: an HMAC of its flow id under the callbacks' signing keys, labelled
 * for this purpose so it is never the flow's {@code sig}. Nothing is stored: a postback's Bearer
 * key is checked by making it again and comparing in constant time (every signing key verifies,
 * so a rotated key still accepts postbacks of flows it signed).
 */
@Component
class ChargeAfterPostbackKeys {

  static final String PURPOSE = "chargeafter-postback";
  private static final String BEARER = "Bearer ";

  private final CallbackSignatures signatures;

  ChargeAfterPostbackKeys(CallbackSignatures signatures) {
    this.signatures = signatures;
  }

  String keyFor(String flowId) {
    return signatures.sign(PURPOSE, flowId);
  }

  /** True only for {@code Bearer <this flow's key>}. */
  boolean authorizes(String flowId, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return signatures.verifies(PURPOSE, flowId, authorization.substring(BEARER.length()).trim());
  }
}
