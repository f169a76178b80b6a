package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A billing or shipping contact as Affirm's checkout object holds it: a full name and an address. */
public record AffirmContactBody(
    @Schema(example = "John Doe") @NotBlank @Size(max = 255) String name,
    @Schema(example = "325 Pacific Ave") @NotBlank @Size(max = 128) String line1,
    @Size(max = 128) String line2,
    @Schema(example = "San Francisco") @NotBlank @Size(max = 128) String city,
    @Schema(example = "CA") @NotBlank @Size(max = 128) String state,
    @Schema(example = "94112") @NotBlank @Size(max = 32) String zipcode,
    @Schema(example = "USA") @Size(max = 3) String country) {}
