package org.financingorchestrator.activities.afterpay;

import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AfterpayClientSettingsTest {

  @Test
  void toStringMasksTheSecretKey() {
    var settings = new AfterpayClientSettings(URI.create("https://api.us-sandbox.afterpay.com"), "100101", "s3cr3t-key");

    assertThat(settings.toString())
        .doesNotContain("s3cr3t-key")
        .isEqualTo(
            "AfterpayClientSettings[baseUrl=https://api.us-sandbox.afterpay.com, merchantId=100101, secretKey=****]");
  }

  @Test
  void refusesMissingCredentials() {
    URI url = URI.create("http://localhost:8090/afterpay");
    assertThatThrownBy(() -> new AfterpayClientSettings(url, " ", "secret"))
        .hasMessage("merchantId is required");
    assertThatThrownBy(() -> new AfterpayClientSettings(url, "100101", null))
        .hasMessage("secretKey is required");
  }

  @Test
  void documentedTimeoutsAreTheOnesTheDocumentGives() {
    assertThat(AfterpayApiFactory.options(AfterpayTimeouts.DOCUMENTED).connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(AfterpayApiFactory.options(AfterpayTimeouts.DOCUMENTED).readTimeoutMillis()).isEqualTo(20_000);
    assertThat(AfterpayApiFactory.captureOptions(AfterpayTimeouts.DOCUMENTED).connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(AfterpayApiFactory.captureOptions(AfterpayTimeouts.DOCUMENTED).readTimeoutMillis()).isEqualTo(70_000);
  }
}
