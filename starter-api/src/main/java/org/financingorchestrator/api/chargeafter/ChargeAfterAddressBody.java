package org.financingorchestrator.api.chargeafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A consumer's address as ChargeAfter names its fields. */
public record ChargeAfterAddressBody(
    @NotBlank @Size(max = 255) String line1,
    @Size(max = 255) String line2,
    @Size(max = 128) String city,
    @Size(max = 16) String zipCode,
    @Size(max = 64) String state) {}
