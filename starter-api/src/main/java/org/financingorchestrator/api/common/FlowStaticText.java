package org.financingorchestrator.api.common;

import org.financingorchestrator.workflows.common.Money;

/**
 * What the Temporal UI shows of a flow from its start (the workflow's static summary and details),
 * in words an operator reads: the flow, the merchant, the merchant's reference and the amount, and
 * in the details what the flow does. Built from what the API already knows, never from the
 * shopper's details.
 */
final class FlowStaticText {

  private FlowStaticText() {}

  /** One line for the workflow list: {@code Afterpay checkout · merchant demo · order 1001 · 21.85 USD}. */
  static String summary(FlowStart start) {
    return start.title() + " · merchant " + start.merchantId() + " · order " + start.merchantReference() + " · "
        + amount(start.orderAmount());
  }

  /** Markdown for the workflow page: the same, what the flow does, and where its status is. */
  static String details(FlowStart start) {
    return "**" + start.title() + "** for merchant " + code(start.merchantId()) + ", order "
        + code(start.merchantReference()) + ": **" + amount(start.orderAmount()) + "**\n\n"
        + start.purpose() + "\n\n"
        + "Flow " + code(start.flowId()) + "; the merchant reads its status at " + code("GET /v1/flows/" + start.flowId())
        + ". Payloads are encrypted: the UI shows them through the codec server.";
  }

  static String amount(Money money) {
    return money.amount().toPlainString() + " " + money.currency();
  }

  /** Inline code; a backtick in the value (a merchant's reference may hold one) would end it early. */
  private static String code(String value) {
    return "`" + value.replace('`', '\'') + "`";
  }
}
