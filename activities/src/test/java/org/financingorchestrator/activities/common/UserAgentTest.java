package org.financingorchestrator.activities.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentTest {

  @Test
  void carriesTheMavenProjectVersionJavaAndTheMerchant() {
    assertThat(UserAgent.forMerchant("32000"))
        .isEqualTo(
            "FinancingOrchestrator-Activities/"
                + System.getProperty("expected.project.version")
                + " (Java/"
                + System.getProperty("java.version")
                + "; Merchant/32000)");
  }

  @Test
  void basicAuthorizationMatchesTheDocumentsExample() {
    // Afterpay's Authentication section: merchant 32, secret abcdefgh.
    assertThat(BasicAuthorization.headerValue("32", "abcdefgh")).isEqualTo("Basic MzI6YWJjZGVmZ2g=");
  }
}
