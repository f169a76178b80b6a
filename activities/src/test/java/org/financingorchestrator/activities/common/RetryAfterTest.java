package org.financingorchestrator.activities.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:26:00Z"), ZoneOffset.UTC);

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse(" 120 ", clock)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void readsAnHttpDateAsTheTimeLeftUntilIt() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:30 GMT", clock)).isEqualTo(Duration.ofSeconds(150));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"0", "soon", "-5", "1.5", "Wed, 21 Oct 2026 07:25:00 GMT", "99999999999999999999"})
  void answersNullWhenThereIsNoDelayToHonour(String value) {
    assertThat(RetryAfter.parse(value, clock)).isNull();
  }
}
