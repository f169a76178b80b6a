package org.financingorchestrator.api.afterpay;

import org.financingorchestrator.api.Http;
import tools.jackson.databind.node.ObjectNode;

/** Checkout bodies for tests: Afterpay's own example order under a given merchant reference. */
public final class Checkouts {

  public static final String PATH = "/v1/afterpay/checkouts";

  private Checkouts() {}

  public static ObjectNode body(String merchantReference) {
    ObjectNode body = (ObjectNode) Http.JSON.readTree(AfterpayCheckoutController.EXAMPLE);
    body.put("merchantReference", merchantReference);
    return body;
  }
}
