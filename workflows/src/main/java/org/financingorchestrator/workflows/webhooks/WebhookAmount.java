package org.financingorchestrator.workflows.webhooks;

import org.financingorchestrator.workflows.common.Money;

/**
 * An amount as a webhook body carries it: the exact decimal as a string ("21.85"), never a JSON
 * number a receiver might read into a double.
 */
public record WebhookAmount(String amount, String currency) {

  /** Null for no amount (nothing captured yet), so the body leaves the field out. */
  public static WebhookAmount of(Money money) {
    return money == null ? null : new WebhookAmount(money.toPlainString(), money.currency());
  }
}
