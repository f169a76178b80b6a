package org.financingorchestrator.api.common;

import java.util.List;




/**
 * The merchant's reference of a refund: what makes a repeated request the same refund. The body's
 * merchantReference, or the Idempotency-Key header when the body has none; without either a
 * retry after a lost answer could refund twice, so the request is refused.
 */
final class RefundReference {

  private RefundReference() {}

  static String of(String merchantReference, String idempotencyKey) {
    if (merchantReference != null) {
      return merchantReference;
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "merchantReference",
                  "is required (or an " + RefundController.IDEMPOTENCY_KEY + " header)")));
    }
    if (!idempotencyKey.matches(FlowIds.MERCHANT_REFERENCE_REGEX)) {
      throw new InvalidRequestException(
          List.of(new FieldProblem(RefundController.IDEMPOTENCY_KEY, FlowIds.MERCHANT_REFERENCE_RULE)));
    }
    return idempotencyKey;
  }
}
