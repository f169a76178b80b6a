package org.financingorchestrator.workflows.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The activities' timeouts against the HTTP client's and the shopper's wait, all from one record. */
class AfterpayActivityOptionsTest {

  private static final AfterpayTimeouts HTTP = AfterpayTimeouts.DOCUMENTED;

  @Test
  void everyAttemptOutlastsTheHttpClientsConnectAndRead() {
    Map<String, ActivityOptions> standardCalls =
        Map.of(
            "STANDARD", AfterpayActivityOptions.STANDARD,
            "REFUND", AfterpayActivityOptions.REFUND,
            "LOOK_UP", AfterpayActivityOptions.LOOK_UP);
    standardCalls.forEach(
        (name, options) ->
            assertThat(options.getStartToCloseTimeout())
                .as(name)
                .isGreaterThan(HTTP.connect().plus(HTTP.read())));
    assertThat(AfterpayActivityOptions.CAPTURE.getStartToCloseTimeout())
        .isGreaterThan(HTTP.connect().plus(HTTP.captureRead()));
  }

  @Test
  void everyCallNoticesADeadWorkerByItsHeartbeatLongBeforeItsStartToClose() {
    Map.of(
            "STANDARD", AfterpayActivityOptions.STANDARD,
            "CAPTURE", AfterpayActivityOptions.CAPTURE,
            "REFUND", AfterpayActivityOptions.REFUND,
            "LOOK_UP", AfterpayActivityOptions.LOOK_UP)
        .forEach(
            (name, options) ->
                assertThat(options.getHeartbeatTimeout())
                    .as(name)
                    .isEqualTo(AfterpayTimeouts.HEARTBEAT)
                    .isLessThan(options.getStartToCloseTimeout()));
  }

  @Test
  void theCapturesWholeBudgetAndOneLookUpFitInsideTheShoppersWait() {
    Duration captureBudget =
        AfterpayActivityOptions.CAPTURE
            .getScheduleToCloseTimeout()
            .plus(AfterpayActivityOptions.LOOK_UP.getStartToCloseTimeout());

    assertThat(HTTP.shopperDecision()).isGreaterThan(captureBudget);
  }

  @Test
  void theDocumentedTimeoutsAreAfterpays() {
    assertThat(HTTP.connect()).isEqualTo(Duration.ofSeconds(10));
    assertThat(HTTP.read()).isEqualTo(Duration.ofSeconds(20));
    assertThat(HTTP.captureRead()).isEqualTo(Duration.ofSeconds(70));
    assertThat(AfterpayActivityOptions.STANDARD.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(35));
    assertThat(AfterpayActivityOptions.CAPTURE.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(85));
  }
}
