package org.financingorchestrator.api.common;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.ReferenceReusedException;

/**
 * Why a flow refused or failed an Update, read from the failure Temporal hands back. A flow
 * signals an operation that failed with an {@link ApplicationFailure} carrying a {@link
 * ProviderFailure} or {@link FlowFailure} (or a bare code as its type); anything else, typically
 * an {@code IllegalArgumentException} or {@code IllegalStateException} thrown by an Update
 * validator, is a refusal of the request.
 *
 * @param failure the failure as the merchant sees it (its source and code)
 * @param refusal true when the flow refused the request rather than failing to carry it out
 * @param stateConflict true when the refusal is about the flow's state (not now), not the input
 */
public record UpdateFailure(FlowFailure failure, boolean refusal, boolean stateConflict) {

  private static final String ILLEGAL_STATE = IllegalStateException.class.getName();
  private static final String REFERENCE_REUSED = ReferenceReusedException.class.getName();

  public static UpdateFailure of(Throwable updateFailureCause) {
    Optional<ProviderFailure> provider = ProviderFailure.from(updateFailureCause);
    if (provider.isPresent()) {
      return new UpdateFailure(FlowFailure.of(provider.get()), false, false);
    }
    ApplicationFailure application = applicationFailure(updateFailureCause);
    if (application == null) {
      String message = updateFailureCause == null ? "refused" : updateFailureCause.getMessage();
      return new UpdateFailure(FlowFailure.ofOrchestrator("refused", message), true, false);
    }
    FlowFailure flowFailure = flowFailure(application);
    if (flowFailure != null) {
      return new UpdateFailure(flowFailure, false, false);
    }
    String type = application.getType();
    String message = application.getOriginalMessage();
    if (REFERENCE_REUSED.equals(type)) {
      return new UpdateFailure(FlowFailure.ofOrchestrator(FlowFailure.REFERENCE_REUSED, message), true, true);
    }
    if (type == null || type.endsWith("Exception") || type.endsWith("Error")) {
      boolean stateConflict = ILLEGAL_STATE.equals(type);
      return new UpdateFailure(FlowFailure.ofOrchestrator("refused", message), true, stateConflict);
    }
    return new UpdateFailure(FlowFailure.ofOrchestrator(type, message), false, false);
  }

  /**
   * True when the provider (not this project) failed or could not be reached, rather than refused:
   * a 422 would tell the merchant the request itself was wrong. A settled "not made" is one too.
   */
  public boolean providerUnavailable() {
    if (FlowFailure.NOT_MADE.equals(failure.code())) {
      return true;
    }
    Integer status = failure.httpStatus();
    return status != null && (status == 0 || status >= 500 || status == 429 || status == 408);
  }

  private static ApplicationFailure applicationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure application) {
        return application;
      }
    }
    return null;
  }

  private static FlowFailure flowFailure(ApplicationFailure application) {
    try {
      return application.getDetails().get(FlowFailure.class);
    } catch (RuntimeException notFlowFailureDetails) {
      // no details, or details of another shape
      return null;
    }
  }
}
