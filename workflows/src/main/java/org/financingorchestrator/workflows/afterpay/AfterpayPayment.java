package org.financingorchestrator.workflows.afterpay;

import java.time.Instant;
import org.financingorchestrator.workflows.common.Money;

/** The fields of Afterpay's Payment that the flow acts on. Status is APPROVED or DECLINED. */
public record AfterpayPayment(
    String id, String token, String status, Money totalAmount, Instant created) {

  public static final String APPROVED = "APPROVED";

  public boolean approved() {
    return APPROVED.equals(status);
  }
}
