package org.financingorchestrator.workflows.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the shopper's browser goes after a provider sent it back to us: the merchant's success
 * page or its failure page, with the flow's outcome. The answer to a redirect callback Update.
 */
public record ShopperRedirect(String location, FlowState state, String reason) {

  /**
   * The rule every flow follows: captured goes to the merchant's confirm page; anything else to
   * its cancel page with the reason (the failure's code, or the state's name). Both carry the
   * flow's id and state.
   */
  public static ShopperRedirect after(FlowStatus status, String confirmUrl, String cancelUrl) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("flowId", status.flowId());
    query.put("status", status.state().name());
    if (status.state() == FlowState.CAPTURED) {
      return new ShopperRedirect(Urls.withQuery(confirmUrl, query), status.state(), null);
    }
    String reason = status.failure() == null ? status.state().name().toLowerCase() : status.failure().code();
    return toCancelPage(status, reason, cancelUrl);
  }

  /** To the merchant's cancel page with this reason, also while the flow goes on. */
  public static ShopperRedirect toCancelPage(FlowStatus status, String reason, String cancelUrl) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("flowId", status.flowId());
    query.put("status", status.state().name());
    query.put("reason", reason);
    return new ShopperRedirect(Urls.withQuery(cancelUrl, query), status.state(), reason);
  }
}
