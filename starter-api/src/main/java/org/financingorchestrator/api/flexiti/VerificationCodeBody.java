package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The code the customer received by sms or email, as the clerk typed it. */
public record VerificationCodeBody(
    @Schema(example = "246810") @NotNull @Pattern(regexp = "[0-9]{4,8}", message = "must be 4 to 8 digits") String code) {

  @Override
  public String toString() {
    return "VerificationCodeBody[code=****]";
  }
}
