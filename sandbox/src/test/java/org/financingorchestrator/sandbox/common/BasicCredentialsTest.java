package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  // The document's own example: merchant 32, secret abcdefgh.
  private final BasicCredentials credentials = new BasicCredentials("32", "abcdefgh");

  @Test
  void matchesTheDocumentsExampleHeader() {
    assertThat(credentials.matches("Basic MzI6YWJjZGVmZ2g=")).isTrue();
    assertThat(credentials.matches("basic MzI6YWJjZGVmZ2g=")).isTrue();
  }

  @Test
  void refusesAnythingElse() {
    assertThat(credentials.matches(null)).isFalse();
    assertThat(credentials.matches("")).isFalse();
    assertThat(credentials.matches("Basic")).isFalse();
    assertThat(credentials.matches("Bearer MzI6YWJjZGVmZ2g=")).isFalse();
    assertThat(credentials.matches("Basic MzI6YWJjZGVmZ2k=")).isFalse();
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(credentials.toString()).contains("32").doesNotContain("abcdefgh");
  }
}
