package org.financingorchestrator.api.common;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.ProviderFailure;

/**
 * Why a flow refused or failed an Update, read from the failure Temporal hands back. A flow
 * signals an operation that failed with an {@link ApplicationFailure} carrying a {@link
 * ProviderFailure} or {@link FlowFailure} (or a bare code as its type); a refusal of the request
 * is a failure whose type names a {@link FlowRefusal}, read through that enum only.
 *
 * @param failure the failure as the merchant sees it (its source and code)
 * @param refusal the kind of refusal; null when the flow failed to carry the request out
 * @param field the field a refusal is about, when its message names one
 */
public record UpdateFailure(FlowFailure failure, FlowRefusal refusal, String field) {

  public static UpdateFailure of(Throwable updateFailureCause) {
    Optional<ProviderFailure> provider = ProviderFailure.from(updateFailureCause);
    if (provider.isPresent()) {
      return new UpdateFailure(FlowFailure.of(provider.get()), null, null);
    }
    ApplicationFailure application = applicationFailure(updateFailureCause);
    if (application == null) {
      String message = updateFailureCause == null ? "refused" : updateFailureCause.getMessage();
      return refused(FlowRefusal.INVALID_REQUEST, message);
    }
    FlowFailure flowFailure = flowFailure(application);
    if (flowFailure != null) {
      return new UpdateFailure(flowFailure, null, null);
    }
    String message = application.getOriginalMessage();
    return FlowRefusal.ofFailureType(application.getType())
        .map(refusal -> refused(refusal, message))
        .orElseGet(() -> new UpdateFailure(FlowFailure.ofOrchestrator(application.getType(), message), null, null));
  }

  public boolean isRefusal() {
    return refusal != null;
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

  private static UpdateFailure refused(FlowRefusal refusal, String message) {
    return new UpdateFailure(
        FlowFailure.ofOrchestrator(refusal.code(), message), refusal, FlowRefusal.fieldOf(message));
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
