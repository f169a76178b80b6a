package org.financingorchestrator.sandbox.afterpay;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;

/**
 * The small page that stands in for Afterpay's own checkout: the order's total, reference and
 * items, and the shopper's three choices as form posts. Everything printed is HTML-escaped.
 */
final class AfterpayCheckoutPage {

  private AfterpayCheckoutPage() {}

  static String render(AfterpayOrderRecord record, String actionBase) {
    AfterpayOrder order = record.order();
    StringBuilder html = new StringBuilder();
    open(html, "Afterpay sandbox checkout");
    html.append("<h1>Afterpay sandbox checkout</h1>\n")
        .append("<p>Order total: <strong id=\"total\">")
        .append(htmlEscape(order.totalAmount().toString()))
        .append("</strong></p>\n");
    if (order.merchantReference() != null) {
      html.append("<p>Merchant reference: <span id=\"merchantReference\">")
          .append(htmlEscape(order.merchantReference()))
          .append("</span></p>\n");
    }
    items(html, order.items());
    if (record.shopperStep() != null) {
      html.append("<p id=\"state\">This order was already ")
          .append(record.shopperStep().decision().name())
          .append(". <a href=\"")
          .append(htmlEscape(AfterpayRedirects.location(record)))
          .append("\">Return to the merchant</a></p>\n");
    } else {
      String base = htmlEscape(actionBase + "/" + order.token());
      button(html, base + "/approve", "Approve");
      button(html, base + "/cancel", "Cancel");
      button(html, base + "/decline", "Decline");
    }
    return close(html);
  }

  static String error(int status, String message) {
    StringBuilder html = new StringBuilder();
    open(html, "Afterpay sandbox checkout: " + status);
    html.append("<h1>")
        .append(status)
        .append("</h1>\n<p>")
        .append(htmlEscape(message))
        .append("</p>\n");
    return close(html);
  }

  private static void items(StringBuilder html, List<AfterpayItem> items) {
    if (items == null || items.isEmpty()) {
      return;
    }
    html.append("<table id=\"items\">\n<tr><th>Item</th><th>SKU</th><th>Quantity</th>")
        .append("<th>Price</th></tr>\n");
    for (AfterpayItem item : items) {
      html.append("<tr><td>")
          .append(htmlEscape(item.name()))
          .append("</td><td>")
          .append(item.sku() == null ? "" : htmlEscape(item.sku()))
          .append("</td><td>")
          .append(item.quantity())
          .append("</td><td>")
          .append(htmlEscape(item.price().toString()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void button(StringBuilder html, String action, String label) {
    html.append("<form method=\"post\" action=\"")
        .append(action)
        .append("\">")
        .append("<button type=\"submit\">")
        .append(label)
        .append("</button></form>\n");
  }

  private static void open(StringBuilder html, String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
        .append(htmlEscape(title))
        .append("</title></head>\n<body>\n");
  }

  private static String close(StringBuilder html) {
    return html.append("</body>\n</html>\n").toString();
  }
}
