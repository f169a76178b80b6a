package org.financingorchestrator.activities.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheControlTest {

  @Test
  void readsMaxAgeAmongOtherDirectivesInAnyCase() {
    assertThat(CacheControl.freshFor(header("cache-control", "public, Max-Age=\"600\", must-revalidate")))
        .contains(Duration.ofSeconds(600));
  }

  @Test
  void readsDirectivesSpreadOverSeveralHeaderValues() {
    assertThat(CacheControl.freshFor(Map.of("Cache-Control", List.of("public", "max-age=60"))))
        .contains(Duration.ofSeconds(60));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no-store, max-age=60",
        "max-age=60, no-cache",
        "must-revalidate,no-cache,no-store",
        "public",
        "max-age=0",
        "max-age=-1",
        "max-age=soon",
        "max-age"
      })
  void isEmptyWhenTheAnswerMustNotBeReused(String value) {
    assertThat(CacheControl.freshFor(header("Cache-Control", value))).isEmpty();
  }

  @Test
  void isEmptyWithoutTheHeader() {
    assertThat(CacheControl.freshFor(header("Content-Type", "application/json"))).isEmpty();
  }

  private static Map<String, Collection<String>> header(String name, String value) {
    return Map.of(name, List.of(value));
  }
}
