package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/configuration. */
class AfterpayConfigurationTest extends SandboxIntegrationTest {

  @Test
  void answersTheConfiguredRangeWithCacheControl() {
    SandboxHttp.Answer answer = http.afterpay("GET", "/v1/configuration").send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).contains("max-age=900");
    JsonNode body = answer.json();
    assertThat(body).hasSize(1);
    assertThat(body.at("/0/type").asString()).isEqualTo("PAY_BY_INSTALLMENT");
    assertThat(body.at("/0/description").asString()).isNotBlank();
    assertThat(body.at("/0/minimumAmount/amount").asString()).isEqualTo("1.00");
    assertThat(body.at("/0/minimumAmount/currency").asString()).isEqualTo("USD");
    assertThat(body.at("/0/maximumAmount/amount").asString()).isEqualTo("2000.00");
    assertThat(body.at("/0/maximumAmount/currency").asString()).isEqualTo("USD");
  }
}
