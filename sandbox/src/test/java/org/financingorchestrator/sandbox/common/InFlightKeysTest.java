package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InFlightKeysTest {

  private final InFlightKeys keys = new InFlightKeys();

  private RuntimeException conflict() {
    return new IllegalStateException("conflict");
  }

  @Test
  void refusesAKeyHeldByAnotherRequest() {
    assertThatThrownBy(
            () ->
                keys.exclusively(
                    "k", () -> keys.exclusively("k", () -> 1, this::conflict), this::conflict))
        .hasMessage("conflict");
    assertThat(
            keys.exclusively(
                "k", () -> keys.exclusively("other", () -> 2, this::conflict), this::conflict))
        .isEqualTo(2);
  }

  @Test
  void releasesTheKeyEvenWhenTheWorkFails() {
    assertThatThrownBy(
            () ->
                keys.exclusively(
                    "k",
                    () -> {
                      throw new IllegalArgumentException("boom");
                    },
                    this::conflict))
        .hasMessage("boom");
    assertThat(keys.exclusively("k", () -> 3, this::conflict)).isEqualTo(3);
  }

  @Test
  void aNullKeyHoldsNothing() {
    assertThat(
            keys.exclusively(
                null, () -> keys.exclusively(null, () -> 4, this::conflict), this::conflict))
        .isEqualTo(4);
  }
}
