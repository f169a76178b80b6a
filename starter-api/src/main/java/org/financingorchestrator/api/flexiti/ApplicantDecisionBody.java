package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A Quebec applicant's answer to the adjudicated account: accept, or cancel (the account is closed). */
public record ApplicantDecisionBody(
    @Schema(example = "accept") @NotNull @Pattern(regexp = "accept|cancel", message = "must be accept or cancel") String decision) {

  boolean accepted() {
    return "accept".equals(decision);
  }
}
