package org.financingorchestrator.workflows.afterpay;

/**
 * What Afterpay appends to our confirm or cancel URL when it sends the shopper's browser back.
 * The status is a hint, not proof: anyone can type that URL, so only a capture decides.
 */
public record AfterpayShopperReturn(String orderToken, Status status) {

  public enum Status {
    SUCCESS,
    CANCELLED,
    FAILURE
  }
}
