package org.financingorchestrator.workflows.common;

/**
 * How an effect asked of a provider ended, once settled: done (with what the provider confirmed)
 * or definitely not done (with why). Never "unknown": that is a pending effect, not an outcome.
 */
public record SettledOutcome<T>(T done, FlowFailure notDone) {

  public static <T> SettledOutcome<T> done(T done) {
    return new SettledOutcome<>(done, null);
  }

  public static <T> SettledOutcome<T> notDone(FlowFailure why) {
    return new SettledOutcome<>(null, why);
  }

  public boolean isDone() {
    return done != null;
  }
}
