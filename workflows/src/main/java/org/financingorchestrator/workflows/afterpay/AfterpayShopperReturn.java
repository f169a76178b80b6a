package org.financingorchestrator.workflows.afterpay;

/**
 * What Afterpay appends to our confirm or cancel URL when it sends the shopper's browser back.
 * The status is a hint, not proof: anyone can type that URL, so only a capture decides.
 *
 * @param returnId the API's id of this one request (null in returns sent before it had one): lets
 *     the API tell the answer to its own return from an earlier return's, which Temporal answers
 *     again to a request with the same Update id
 */
public record AfterpayShopperReturn(String orderToken, Status status, String returnId) {

  public AfterpayShopperReturn(String orderToken, Status status) {
    this(orderToken, status, null);
  }

  public AfterpayShopperReturn withReturnId(String id) {
    return new AfterpayShopperReturn(orderToken, status, id);
  }

  public enum Status {
    SUCCESS,
    CANCELLED,
    FAILURE
  }
}
