package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Afterpay's Consumer: the shopper. */
public record ConsumerBody(
    @Schema(example = "2120000000") @Size(max = 32) String phoneNumber,
    @Schema(example = "Joe") @NotBlank @Size(max = 255) String givenNames,
    @Schema(example = "Consumer") @NotBlank @Size(max = 255) String surname,
    @Schema(example = "joe@example.com") @NotBlank @Email @Size(max = 255) String email) {}
