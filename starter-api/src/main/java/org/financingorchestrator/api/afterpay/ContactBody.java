package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Afterpay's Contact: a billing or shipping address, lengths as Afterpay's document sets them. */
public record ContactBody(
    @Schema(example = "Joe Consumer") @NotBlank @Size(max = 255) String name,
    @Schema(example = "75 Queen St") @NotBlank @Size(max = 128) String line1,
    @Size(max = 128) String line2,
    @Schema(example = "New York") @Size(max = 128) String suburb,
    @Schema(example = "NY") @NotBlank @Size(max = 128) String state,
    @Schema(example = "10001") @NotBlank @Size(max = 128) String postcode,
    @Schema(example = "US")
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO 3166-1 country code")
        String countryCode,
    @Schema(example = "2120000000") @Size(max = 32) String phoneNumber) {}
