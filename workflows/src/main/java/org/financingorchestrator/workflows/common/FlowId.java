package org.financingorchestrator.workflows.common;

/**
 * A flow's workflow id: {@code <provider>-<merchantId>-<merchantReference>}, the business key, so
 * that a repeated start finds the running flow and two merchants' references never name the same
 * flow (a merchant id holds no '-'). Whoever starts a flow (the HTTP API, or a merchant's own Java
 * client) names it this way: the status, refunds and callbacks find it by this id.
 */
public final class FlowId {

  private FlowId() {}

  /** The id of this merchant's flow with this provider ({@code AfterpayCheckoutWorkflow.PROVIDER}, ...) and reference. */
  public static String of(String provider, String merchantId, String merchantReference) {
    return provider + "-" + merchantId + "-" + merchantReference;
  }
}
