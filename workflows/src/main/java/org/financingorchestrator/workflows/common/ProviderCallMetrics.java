package org.financingorchestrator.workflows.common;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Provider calls (activities) retried and given up, for every flow of a worker:
 * {@code financing_provider_calls_retried{provider,call}} counts each attempt after the first, as
 * it starts; {@code financing_provider_calls_given_up{provider,call,reason}} each call whose
 * failure reached the workflow (the retries ran out, or the failure is final), {@code reason}
 * being Temporal's retry state ({@code non_retryable_failure}, {@code maximum_attempts_reached},
 * {@code timeout}, {@code cancel_requested}, ...). The workflow side records through its metrics
 * scope, silent on replay; a call whose failure the flow then settles (a look-up finds the
 * capture) still counts as given up: the provider call itself failed.
 *
 * <p>{@code provider} and {@code call} come from the activity type: the interface's prefix
 * ({@code Afterpay}, {@code Affirm}, {@code ChargeAfter}, {@code Flexiti}) and the method in
 * snake case ({@code AfterpayCreateOrder}: afterpay, create_order).
 */
public final class ProviderCallMetrics extends WorkerInterceptorBase {

  /** Activity type prefix to provider, as each provider's activity interface names it. */
  private static final List<Map.Entry<String, String>> PREFIXES =
      List.of(
          Map.entry("Afterpay", "afterpay"), Map.entry("Affirm", "affirm"),
          Map.entry("ChargeAfter", "chargeafter"), Map.entry("Flexiti", "flexiti"));

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public void init(ActivityExecutionContext context) {
        if (context.getInfo().getAttempt() > 1) {
          context.getMetricsScope()
              .tagged(tags(context.getInfo().getActivityType()))
              .counter(BusinessMeters.CALLS_RETRIED)
              .inc(1);
        }
        super.init(context);
      }
    };
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(new GivenUp(outbound));
      }
    };
  }

  /** The provider and call of an activity type, for tags. */
  static Map<String, String> tags(String activityType) {
    for (Map.Entry<String, String> prefix : PREFIXES) {
      if (activityType.startsWith(prefix.getKey()) && activityType.length() > prefix.getKey().length()) {
        return Map.of(
            BusinessMeters.PROVIDER, prefix.getValue(),
            "call", snakeCase(activityType.substring(prefix.getKey().length())));
      }
    }
    return Map.of(BusinessMeters.PROVIDER, "unknown", "call", snakeCase(activityType));
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Counts the activity failures the workflow receives. Workflow code. */
  private static final class GivenUp extends WorkflowOutboundCallsInterceptorBase {

    GivenUp(WorkflowOutboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
      ActivityOutput<R> output = super.executeActivity(input);
      countGivenUp(input.getActivityName(), output.getResult());
      return output;
    }

    /** A local activity (Afterpay's configuration) gives up as an ordinary one does. */
    @Override
    public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
      LocalActivityOutput<R> output = super.executeLocalActivity(input);
      countGivenUp(input.getActivityName(), output.getResult());
      return output;
    }

    private static void countGivenUp(String activityType, Promise<?> result) {
      result.handle(
          (answer, failure) -> {
            if (failure instanceof ActivityFailure activity) {
              Map<String, String> tags = new java.util.HashMap<>(tags(activityType));
              tags.put("reason", reason(activity));
              Workflow.getMetricsScope().tagged(tags).counter(BusinessMeters.CALLS_GIVEN_UP).inc(1);
            }
            return null;
          });
    }

    private static String reason(ActivityFailure failure) {
      return failure.getRetryState().name().replaceFirst("^RETRY_STATE_", "").toLowerCase(Locale.ROOT);
    }
  }
}
