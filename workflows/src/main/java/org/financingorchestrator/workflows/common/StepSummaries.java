package org.financingorchestrator.workflows.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * Activity stubs whose calls the Temporal UI shows with a summary in words, the provider step and
 * its amount ("capture 21.85 USD at Afterpay"). A summary is user metadata on the command, not
 * compared on replay, so adding one needs no version. Never personal data or secrets: amounts,
 * references and provider names only. Workflow code only.
 */
public final class StepSummaries {

  private StepSummaries() {}

  /** A stub of {@code activities} with {@code options}, whose calls carry {@code summary}. */
  public static <T> T stub(Class<T> activities, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(activities, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  /** An amount as operators read it: {@code 21.85 USD}. */
  public static String amount(Money money) {
    return money.amount().toPlainString() + " " + money.currency();
  }
}
