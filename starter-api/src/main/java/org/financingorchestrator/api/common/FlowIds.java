package org.financingorchestrator.api.common;

import java.util.regex.Pattern;

/**
 * Flow ids are {@code <provider>-<merchantReference>}: the business key, so that a repeated
 * request finds the running flow. The merchant reference is limited to characters that are safe
 * in a workflow id, a URL path segment and a log line.
 */
public final class FlowIds {

  /** Not dots alone: "." and ".." are path segments a URL or a proxy would resolve away. */
  public static final String MERCHANT_REFERENCE_REGEX = "(?!\\.+$)[A-Za-z0-9._:-]{1,128}";
  public static final String MERCHANT_REFERENCE_RULE =
      "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', and not dots alone";

  private static final Pattern FLOW_ID =
      Pattern.compile("[a-z][a-z0-9]{1,31}-" + MERCHANT_REFERENCE_REGEX);

  private FlowIds() {}

  /** The flow id, if it can be one; otherwise a 400 naming {@code flowId}. */
  public static String requireValid(String flowId) {
    if (flowId == null || !FLOW_ID.matcher(flowId).matches()) {
      throw InvalidRequestException.of(
          "flowId", "must be <provider>-<merchantReference>; the reference " + MERCHANT_REFERENCE_RULE);
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
