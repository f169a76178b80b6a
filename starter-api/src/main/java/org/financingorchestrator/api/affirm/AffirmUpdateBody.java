package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** An update of the charge: its order id, shipping carrier, tracking number (at least one). */
public record AffirmUpdateBody(
    @Schema(example = "JKLM4321") @Size(min = 1, max = 128) String orderId,
    @Schema(example = "USPS") @Size(min = 1, max = 128) String shippingCarrier,
    @Schema(example = "1Z23223") @Size(min = 1, max = 128) String shippingConfirmation) {}
