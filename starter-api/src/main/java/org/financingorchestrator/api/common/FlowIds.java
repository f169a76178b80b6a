package org.financingorchestrator.api.common;

import org.financingorchestrator.workflows.common.FlowId;
import java.util.regex.Pattern;
import org.financingorchestrator.api.merchants.CurrentMerchant;

/**
 * Flow ids are {@code <provider>-<merchantId>-<merchantReference>}: the business key, so that a
 * repeated request finds the running flow, and two merchants' references never name the same
 * flow (a merchant id holds no '-', so an id reads one way only). Flows started before merchants
 * have {@code <provider>-<merchantReference>} and belong to no merchant. The merchant reference is
 * limited to characters that are safe in a workflow id, a URL path segment and a log line.
 */
public final class FlowIds {

  /** Not dots alone: "." and ".." are path segments a URL or a proxy would resolve away. */
  public static final String MERCHANT_REFERENCE_REGEX = "(?!\\.+$)[A-Za-z0-9._:-]{1,128}";
  public static final String MERCHANT_REFERENCE_RULE =
      "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', and not dots alone";

  private static final Pattern FLOW_ID =
      Pattern.compile("[a-z][a-z0-9]{1,31}-" + MERCHANT_REFERENCE_REGEX);

  private FlowIds() {}

  /** The id of this merchant's flow with this provider and reference. */
  public static String of(String provider, String merchantId, String merchantReference) {
    return FlowId.of(provider, merchantId, merchantReference);
  }

  /**
   * The flow id, if it can be one and names a flow of the merchant calling: another merchant's
   * flow (or one from before merchants) is 404, as an unknown flow.
   */
  public static String requireOwned(String flowId) {
    requireValid(flowId);
    String merchantPart = "-" + CurrentMerchant.id() + "-";
    if (!flowId.startsWith(merchantPart, flowId.indexOf('-'))) {
      throw new FlowNotFoundException(flowId);
    }
    return flowId;
  }

  /** The flow id, if it can be one of this provider's flows and is the calling merchant's. */
  public static String requireOwned(String flowId, String provider) {
    return requireOwned(requireValid(flowId, provider));
  }

  /** The flow id, if it can be one; otherwise a 400 naming {@code flowId}. */
  public static String requireValid(String flowId) {
    if (flowId == null || !FLOW_ID.matcher(flowId).matches()) {
      throw InvalidRequestException.of(
          "flowId", "must be <provider>-<merchantId>-<merchantReference>; the reference " + MERCHANT_REFERENCE_RULE);
    }
    return flowId;
  }

  /** The flow id, if it can be one of this provider's flows. */
  public static String requireValid(String flowId, String provider) {
    requireValid(flowId);
    if (!flowId.startsWith(provider + "-")) {
      throw InvalidRequestException.of("flowId", "must be a " + provider + " flow id (" + provider + "-...)");
    }
    return flowId;
  }

  /** The provider a valid flow id names: what comes before its first '-'. */
  public static String provider(String flowId) {
    return flowId.substring(0, flowId.indexOf('-'));
  }
}
