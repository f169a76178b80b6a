package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Afterpay's Shipping Courier object; every field optional. Empty, it is written as {}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayCourier(Instant shippedAt, String name, String tracking, String priority) {

  public static final AfterpayCourier NONE = new AfterpayCourier(null, null, null, null);
}
