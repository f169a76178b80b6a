package org.financingorchestrator.sandbox.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs one provider operation under whatever fault is armed for it. The delay is served here, in
 * the server, so a client's read timeout can be tested without the test sleeping.
 */
@Component
public class FaultInjector {

  private final FaultSchedule schedule;
  private final ProviderOutages outages;

  public FaultInjector(FaultSchedule schedule, ProviderOutages outages) {
    this.schedule = schedule;
    this.outages = outages;
  }

  public <T> T around(String provider, String operation, Supplier<T> effect) {
    outages.requireUp(provider);
    Optional<FaultRule> claimed = schedule.claim(provider, operation);
    if (claimed.isEmpty()) {
      return effect.get();
    }
    FaultRule fault = claimed.get();
    if (fault.afterEffect()) {
      T answer = effect.get();
      goDown(provider, fault);
      pause(fault.delayMillis());
      return answerOrFail(fault, answer);
    }
    goDown(provider, fault);
    pause(fault.delayMillis());
    if (fault.status() != null || fault.answer() != null) {
      return answerOrFail(fault, null);
    }
    return effect.get();
  }

  private void goDown(String provider, FaultRule fault) {
    if (fault.downForSeconds() != null && fault.downForSeconds() > 0) {
      outages.down(provider, Duration.ofSeconds(fault.downForSeconds()));
    }
  }

  private static <T> T answerOrFail(FaultRule fault, T answer) {
    if (fault.status() != null) {
      throw fault.error();
    }
    if (fault.answer() != null) {
      throw new InjectedAnswerException(fault.answer());
    }
    return answer;
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // Shutting down: answer now rather than hold the request thread.
      Thread.currentThread().interrupt();
    }
  }
}
