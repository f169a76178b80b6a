package org.financingorchestrator.sandbox.merchant;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The demo shop's pages, rendered on the server (no front-end build): the cart with its three
 * buttons, an order's page with the flow's status as the merchant API answers it, and an error
 * page. Everything printed is HTML-escaped; of the status, only what a shopper may see is shown
 * (state, amounts, the failure's code and message, the steps' names and times).
 */
final class DemoPages {

  /** States a flow leaves by itself or by the shopper: the order's page reloads while in one. */
  static final Set<String> IN_PROGRESS = Set.of("STARTED", "AWAITING_SHOPPER", "AUTHORIZING", "CAPTURING");

  private static final String STYLE =
      "body{font-family:sans-serif;max-width:46em;margin:2em auto;color:#222}"
          + "table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}"
          + "button{font-size:1.05em;padding:.5em 1em;margin:.3em 0;min-width:16em}"
          + ".state{font-size:1.4em;font-weight:bold}.note{color:#555}";

  private DemoPages() {}

  static String shop() {
    StringBuilder html = open("Sandbox shop", false);
    html.append("<h1>Sandbox shop</h1>\n<p class=\"note\">A merchant's demo page: each button starts a flow through ")
        .append("the merchant API, and the sandbox plays the provider.</p>\n")
        .append("<table id=\"cart\">\n<tr><th>Item</th><th>Quantity</th><th>Price</th></tr>\n")
        .append(row(DemoCart.ITEM, "1", money(DemoCart.ITEM_PRICE.toPlainString())))
        .append(row("Tax", "", money(DemoCart.TAX.toPlainString())))
        .append(row("Shipping", "", money(DemoCart.SHIPPING.toPlainString())))
        .append("<tr><th>Total</th><th></th><th id=\"total\">")
        .append(money(DemoCart.TOTAL.toPlainString()))
        .append("</th></tr>\n</table>\n");
    for (DemoProvider provider : DemoProvider.values()) {
      html.append("<form method=\"post\" action=\"/demo/checkout/")
          .append(provider.id)
          .append("\"><button id=\"pay-")
          .append(provider.id)
          .append("\" type=\"submit\">")
          .append(htmlEscape(provider.button))
          .append("</button></form>\n");
    }
    return close(html);
  }

  /**
   * An order's page. {@code headline} says where the shopper came back (the confirmed or the
   * cancelled page, or the order itself); {@code flow} is the merchant API's status answer.
   */
  static String order(DemoOrder order, String headline, JsonNode flow) {
    String state = flow.path("state").asString("");
    StringBuilder html = open("Order " + order.reference(), IN_PROGRESS.contains(state));
    html.append("<h1 id=\"headline\">").append(htmlEscape(headline)).append("</h1>\n")
        .append("<p>Order <span id=\"reference\">").append(htmlEscape(order.reference())).append("</span>, ")
        .append(htmlEscape(order.provider().button)).append(", flow <code id=\"flow-id\">")
        .append(htmlEscape(order.flowId())).append("</code></p>\n")
        .append("<p class=\"state\">State: <span id=\"state\">").append(htmlEscape(state)).append("</span></p>\n");
    if (order.consumerLink() != null && "AWAITING_SHOPPER".equals(state)) {
      html.append("<p id=\"link-sent\">ChargeAfter sent the shopper a link to apply for financing. In the sandbox ")
          .append("the shopper finds it here: <a id=\"link\" href=\"").append(htmlEscape(order.consumerLink())).append("\">")
          .append(htmlEscape(order.consumerLink())).append("</a></p>\n");
    }
    if ("affirm".equals(flow.path("provider").asString("")) && "AUTHORIZED".equals(state)) {
      html.append("<p>Affirm authorized the charge; the merchant captures it when the order ships.</p>\n")
          .append("<form method=\"post\" action=\"/demo/orders/").append(htmlEscape(order.reference()))
          .append("/capture\"><button id=\"capture\" type=\"submit\">Ship and capture</button></form>\n");
    }
    html.append("<table id=\"amounts\">\n");
    amount(html, "Order", flow.path("orderAmount"));
    amount(html, "Captured", flow.path("capturedAmount"));
    amount(html, "Refunded", flow.path("refundedAmount"));
    html.append("</table>\n");
    JsonNode failure = flow.path("failure");
    if (failure.isObject()) {
      html.append("<p id=\"failure\">").append(htmlEscape(failure.path("source").asString(""))).append(": ")
          .append(htmlEscape(failure.path("code").asString(""))).append(" ")
          .append(htmlEscape(failure.path("message").asString(""))).append("</p>\n");
    }
    html.append("<h2>Steps</h2>\n<ol id=\"steps\">\n");
    for (JsonNode step : flow.path("steps")) {
      html.append("<li><span class=\"step\">").append(htmlEscape(step.path("name").asString(""))).append("</span> ")
          .append("<span class=\"note\">").append(htmlEscape(step.path("at").asString(""))).append("</span></li>\n");
    }
    html.append("</ol>\n");
    if (IN_PROGRESS.contains(state)) {
      html.append("<p class=\"note\">This page reloads until the flow has moved on.</p>\n");
    }
    return close(html.append("<p><a href=\"/demo\">Back to the shop</a></p>\n"));
  }

  static String error(String title, String message) {
    StringBuilder html = open(title, false);
    html.append("<h1 id=\"headline\">").append(htmlEscape(title)).append("</h1>\n<p id=\"error\">")
        .append(htmlEscape(message)).append("</p>\n<p><a href=\"/demo\">Back to the shop</a></p>\n");
    return close(html);
  }

  /** A row per amount the flow has; none for an amount it has not (yet) moved. */
  private static void amount(StringBuilder html, String label, JsonNode money) {
    boolean moved = money.isObject() && new BigDecimal(money.path("amount").asString("0")).signum() != 0;
    if (moved) {
      html.append("<tr><th>").append(label).append("</th><td id=\"").append(label.toLowerCase(java.util.Locale.ROOT))
          .append("\">").append(htmlEscape(money.path("currency").asString("") + " " + money.path("amount").asString("")))
          .append("</td></tr>\n");
    }
  }

  private static String row(String name, String quantity, String price) {
    return "<tr><td>" + htmlEscape(name) + "</td><td>" + quantity + "</td><td>" + price + "</td></tr>\n";
  }

  private static String money(String amount) {
    return DemoCart.CURRENCY + " " + amount;
  }

  private static StringBuilder open(String title, boolean reloads) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
            .append(htmlEscape(title))
            .append("</title>");
    if (reloads) {
      html.append("<meta http-equiv=\"refresh\" content=\"2\">");
    }
    return html.append("<style>").append(STYLE).append("</style></head>\n<body>\n");
  }

  private static String close(StringBuilder html) {
    return html.append("</body>\n</html>\n").toString();
  }
}
