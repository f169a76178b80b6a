package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.MoneyBody;

/** A capture: all of the authorization (no amount) or less, with the shipment's details if known. */
public record AffirmCaptureBody(
    @Valid MoneyBody amount,
    @Schema(example = "JKLM4321") @Size(min = 1, max = 128) String orderId,
    @Schema(example = "USPS") @Size(min = 1, max = 128) String shippingCarrier,
    @Schema(example = "1Z23223") @Size(min = 1, max = 128) String shippingConfirmation) {}
