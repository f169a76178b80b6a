package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;

/** Afterpay's Shipping Courier; every field optional. */
public record CourierBody(
    @Schema(example = "2015-01-01T00:00:00Z") Instant shippedAt,
    @Schema(example = "CourierPost") @Size(max = 128) String name,
    @Schema(example = "AA999999999AA") @Size(max = 128) String tracking,
    @Schema(example = "STANDARD") Priority priority) {

  public enum Priority {
    STANDARD,
    EXPRESS
  }

  boolean isEmpty() {
    return shippedAt == null && name == null && tracking == null && priority == null;
  }

  AfterpayCourier toCourier() {
    return new AfterpayCourier(shippedAt, name, tracking, priority == null ? null : priority.name());
  }
}
