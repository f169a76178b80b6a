package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The customer's answer to the terms: accept (the purchase is confirmed) or refuse (nothing is). */
public record CustomerConfirmationBody(
    @Schema(example = "accept") @NotNull @Pattern(regexp = "accept|refuse", message = "must be accept or refuse") String decision) {

  boolean accepted() {
    return "accept".equals(decision);
  }
}
