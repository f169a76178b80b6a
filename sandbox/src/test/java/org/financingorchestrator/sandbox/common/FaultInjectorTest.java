package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private final FaultSchedule schedule = new FaultSchedule();
  private final org.financingorchestrator.sandbox.MutableClock clock = new org.financingorchestrator.sandbox.MutableClock();
  private final FaultInjector injector = new FaultInjector(schedule, new ProviderOutages(clock));
  private final AtomicInteger effects = new AtomicInteger();

  private String effect() {
    effects.incrementAndGet();
    return "done";
  }

  private static FaultRule rule(String operation, Integer status, int count, boolean afterEffect) {
    return new FaultRule("afterpay", operation, status, "server_error", count, 3, afterEffect, 0, null, null);
  }

  @Test
  void anErrorBeforeTheEffectPreventsIt() {
    schedule.arm(rule("capture", 503, 1, false));

    assertThatThrownBy(() -> injector.around("afterpay", "capture", this::effect))
        .isInstanceOfSatisfying(
            SandboxApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.errorCode()).isEqualTo("server_error");
              assertThat(e.retryAfterSeconds()).isEqualTo(3);
            });
    assertThat(effects).hasValue(0);
    assertThat(injector.around("afterpay", "capture", this::effect)).isEqualTo("done");
    assertThat(effects).hasValue(1);
  }

  @Test
  void anErrorAfterTheEffectKeepsIt() {
    schedule.arm(rule("refund", 500, 1, true));

    assertThatThrownBy(() -> injector.around("afterpay", "refund", this::effect))
        .isInstanceOf(SandboxApiException.class);
    assertThat(effects).hasValue(1);
  }

  @Test
  void aDelayOnlyFaultAnswersNormally() {
    schedule.arm(new FaultRule("afterpay", "refund", null, null, 1, null, false, 1, null, null));

    assertThat(injector.around("afterpay", "refund", this::effect)).isEqualTo("done");
    assertThat(schedule.armed()).isEmpty();
  }

  @Test
  void countsDownAndMatchesItsOperationAndProviderOnly() {
    schedule.arm(rule("capture", 503, 2, false));

    assertThat(injector.around("afterpay", "refund", this::effect)).isEqualTo("done");
    assertThat(injector.around("affirm", "capture", this::effect)).isEqualTo("done");
    assertThat(schedule.armed().get(0).remaining()).isEqualTo(2);
    assertThatThrownBy(() -> injector.around("afterpay", "capture", this::effect))
        .isInstanceOf(SandboxApiException.class);
    assertThat(schedule.armed().get(0).remaining()).isEqualTo(1);
    assertThatThrownBy(() -> injector.around("afterpay", "capture", this::effect))
        .isInstanceOf(SandboxApiException.class);
    assertThat(schedule.armed()).isEmpty();
  }

  @Test
  void disarmsOneProviderOrAll() {
    schedule.arm(rule("capture", 503, 1, false));
    schedule.arm(new FaultRule("affirm", "capture", 503, "x", 1, null, false, 0, null, null));

    schedule.disarm("affirm");
    assertThat(schedule.armed()).extracting(f -> f.rule().provider()).containsExactly("afterpay");
    schedule.disarm(null);
    assertThat(schedule.armed()).isEmpty();
  }

  @Test
  void anEffectThenAnOutageMakesEveryOperationOfTheProviderAnswer503UntilItsTimeIsUp() {
    schedule.arm(new FaultRule("afterpay", "refund", 503, "service_unavailable", 1, null, true, 0, 20, null));

    assertThatThrownBy(() -> injector.around("afterpay", "refund", this::effect)).isInstanceOf(SandboxApiException.class);
    assertThat(effects).hasValue(1);
    clock.advance(java.time.Duration.ofSeconds(19));
    assertThatThrownBy(() -> injector.around("afterpay", "getPayment", this::effect))
        .isInstanceOfSatisfying(SandboxApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> injector.around("afterpay", "refund", this::effect)).isInstanceOf(SandboxApiException.class);
    assertThat(injector.around("affirm", "capture", this::effect)).isEqualTo("done");
    assertThat(effects).hasValue(2);

    clock.advance(java.time.Duration.ofSeconds(1));
    assertThat(injector.around("afterpay", "refund", this::effect)).isEqualTo("done");
    assertThat(effects).hasValue(3);
  }

  @Test
  void aMalformedAnswerComesAfterTheEffectOrInsteadOfIt() {
    schedule.arm(new FaultRule("afterpay", "capture", null, null, 1, null, true, 0, null, FaultAnswer.MALFORMED));
    schedule.arm(new FaultRule("afterpay", "refund", null, null, 1, null, false, 0, null, FaultAnswer.MALFORMED));

    assertThatThrownBy(() -> injector.around("afterpay", "capture", this::effect)).isInstanceOf(InjectedAnswerException.class);
    assertThat(effects).hasValue(1);
    assertThatThrownBy(() -> injector.around("afterpay", "refund", this::effect)).isInstanceOf(InjectedAnswerException.class);
    assertThat(effects).hasValue(1);
  }
}
