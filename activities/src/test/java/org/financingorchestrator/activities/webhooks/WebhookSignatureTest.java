package org.financingorchestrator.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** The Standard Webhooks specification's own example, which every conforming library signs alike. */
  @Test
  void signsTheSpecificationsKnownVector() {
    WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    String header =
        signature.sign(
            "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

    assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void takesTheSecretWithOrWithoutItsPrefix() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(new WebhookSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign("m", 1, body))
        .isEqualTo(new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign("m", 1, body));
  }

  @Test
  void refusesAShortSecretAndNeverPrintsOne() {
    assertThatThrownBy(() -> new WebhookSignature("whsec_c2hvcnQ=")).hasMessageContaining("at least 24 bytes");
    assertThat(WebhookEndpoint.of("https://shop.example/hooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").toString())
        .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  }
}
