package org.financingorchestrator.sandbox.afterpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where Afterpay sends the shopper after their step: the merchant's confirm or cancel URL with
 * orderToken and status appended to its query (before any fragment).
 */
final class AfterpayRedirects {

  private AfterpayRedirects() {}

  static String location(AfterpayOrderRecord order) {
    AfterpayShopperDecision decision = order.shopperStep().decision();
    AfterpayMerchant merchant = order.order().merchant();
    String url =
        decision.toConfirmUrl() ? merchant.redirectConfirmUrl() : merchant.redirectCancelUrl();
    String fragment = "";
    int hash = url.indexOf('#');
    if (hash >= 0) {
      fragment = url.substring(hash);
      url = url.substring(0, hash);
    }
    String separator;
    if (url.indexOf('?') < 0) {
      separator = "?";
    } else if (url.endsWith("?") || url.endsWith("&")) {
      separator = "";
    } else {
      separator = "&";
    }
    return url
        + separator
        + "orderToken="
        + encode(order.token())
        + "&status="
        + encode(decision.redirectStatus())
        + fragment;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
