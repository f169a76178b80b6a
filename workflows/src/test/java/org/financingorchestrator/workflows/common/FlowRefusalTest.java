package org.financingorchestrator.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowRefusalTest {

  @Test
  void eachKindIsReadBackFromItsOwnExceptionsClassName() {
    assertThat(FlowRefusal.ofFailureType(new FlowRefusedException.ForeignToken("orderToken", "x").getClass().getName()))
        .contains(FlowRefusal.FOREIGN_TOKEN);
    for (FlowRefusal refusal : FlowRefusal.values()) {
      assertThat(FlowRefusal.ofFailureType(refusal.failureType())).contains(refusal);
    }
  }

  @Test
  void legacyValidatorExceptionsAreStillRead() {
    assertThat(FlowRefusal.ofFailureType("java.lang.IllegalArgumentException")).contains(FlowRefusal.INVALID_REQUEST);
    assertThat(FlowRefusal.ofFailureType("java.lang.IllegalStateException")).contains(FlowRefusal.STATE_CONFLICT);
    assertThat(FlowRefusal.ofFailureType("org.financingorchestrator.workflows.common.ReferenceReusedException"))
        .contains(FlowRefusal.REFERENCE_REUSED);
  }

  @Test
  void aProvidersCodeIsNoRefusal() {
    assertThat(FlowRefusal.ofFailureType("precondition_failed")).isEmpty();
    assertThat(FlowRefusal.ofFailureType(null)).isEmpty();
  }

  @Test
  void theFieldIsTheMessagesFirstWord() {
    assertThat(FlowRefusal.fieldOf(new FlowRefusedException.ReferenceReused("merchantReference", "RF-1 is used").getMessage()))
        .isEqualTo("merchantReference");
    assertThat(FlowRefusal.fieldOf("The after-sale window of this flow has closed")).isNull();
  }
}
