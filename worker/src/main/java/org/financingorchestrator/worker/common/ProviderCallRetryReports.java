package org.financingorchestrator.worker.common;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.Optional;
import org.financingorchestrator.workflows.common.ProviderCallRetried;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a flow that one of its provider calls is being retried, so that operators can query it
 * ({@code ProviderCallRetried}, {@code ProviderCallRetries}): Temporal's visibility cannot see
 * activity attempts. At a few attempts only ({@link ProviderCallRetried#REPORTED_ATTEMPTS}), so a
 * call retried for days adds a bounded number of Signals to the history. Every activity of this
 * worker is a provider call. A report that cannot be sent is logged and dropped: it never delays
 * or fails the call. The Temporal starter adds every WorkerInterceptor bean to the worker factory.
 */
@Component
public class ProviderCallRetryReports extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(ProviderCallRetryReports.class);

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        report(context);
        return super.execute(input);
      }
    };
  }

  static void report(ActivityExecutionContext context) {
    ActivityInfo info = context.getInfo();
    if (!ProviderCallRetried.reported(info.getAttempt())) {
      return;
    }
    try {
      context
          .getWorkflowClient()
          .newUntypedWorkflowStub(info.getWorkflowId(), Optional.of(info.getWorkflowRunId()), Optional.empty())
          .signal(ProviderCallRetried.SIGNAL, new ProviderCallRetried(info.getActivityType(), info.getAttempt() - 1));
    } catch (RuntimeException unsent) {
      log.warn(
          "Could not report retry {} of {} to flow {}: {}",
          info.getAttempt() - 1, info.getActivityType(), info.getWorkflowId(), unsent.toString());
    }
  }
}
