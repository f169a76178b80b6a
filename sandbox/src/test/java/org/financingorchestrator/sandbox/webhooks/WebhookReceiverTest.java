package org.financingorchestrator.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The merchant's receiver: verifies, refuses replays and forgeries, takes each event once. */
class WebhookReceiverTest extends SandboxIntegrationTest {

  /** sandbox.yaml's secret for the demo merchant. */
  private static final String DEMO_SECRET = "whsec_c2FuZGJveC1kZW1vLXdlYmhvb2stc2VjcmV0LTIwMjY=";
  private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"flow.captured\",\"state\":\"CAPTURED\"}";

  @Test
  void verifiesTheSpecificationsKnownVector() {
    Instant signedAt = Instant.ofEpochSecond(1614265330L);
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookVerifier.problem("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "1614265330", "v2,abc v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", body, signedAt, Duration.ofMinutes(5)))
        .isNull();
    assertThat(WebhookVerifier.problem("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", body, signedAt.plusSeconds(301),
        Duration.ofMinutes(5)))
        .contains("more than 5 min");
  }

  @Test
  void takesASignedEventOnceAndAcknowledgesItsRepeats() {
    long now = clock.instant().getEpochSecond();

    assertThat(post("evt_1", now, sign(DEMO_SECRET, "evt_1", now, BODY), BODY).status()).isEqualTo(204);
    assertThat(post("evt_1", now + 30, sign(DEMO_SECRET, "evt_1", now + 30, BODY), BODY).status()).isEqualTo(200);

    JsonNode received = received();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).get("verified").asBoolean()).isTrue();
    assertThat(received.get(0).get("duplicate").asBoolean()).isFalse();
    assertThat(received.get(0).get("type").asString()).isEqualTo("flow.captured");
    assertThat(received.get(0).at("/event/state").asString()).isEqualTo("CAPTURED");
    assertThat(received.get(1).get("duplicate").asBoolean()).isTrue();
  }

  @Test
  void refusesAStaleTimestampAForgedSignatureAndAnUnsignedRequest() {
    long stale = clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond();
    long now = clock.instant().getEpochSecond();

    assertThat(post("evt_2", stale, sign(DEMO_SECRET, "evt_2", stale, BODY), BODY).status()).isEqualTo(400);
    String forged = sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), "evt_2", now, BODY);
    assertThat(post("evt_2", now, forged, BODY).status()).isEqualTo(401);
    String tampered = BODY.replace("CAPTURED", "REFUNDED");
    assertThat(post("evt_2", now, sign(DEMO_SECRET, "evt_2", now, BODY), tampered).status()).isEqualTo(401);
    assertThat(http.call("POST", "/sandbox/webhooks/demo").json(BODY).send().status()).isEqualTo(400);

    assertThat(received()).extracting(r -> r.get("verified").asBoolean()).containsOnly(false);
    // A refused id is not taken: the genuine event still is.
    assertThat(post("evt_2", now, sign(DEMO_SECRET, "evt_2", now, BODY), BODY).status()).isEqualTo(204);
  }

  @Test
  void failsTheArmedNumberOfRequestsThenTakesTheEvent() {
    long now = clock.instant().getEpochSecond();
    assertThat(http.call("POST", "/sandbox/webhooks/demo/failures?count=2").send().status()).isEqualTo(204);

    String signature = sign(DEMO_SECRET, "evt_3", now, BODY);
    assertThat(post("evt_3", now, signature, BODY).status()).isEqualTo(503);
    assertThat(post("evt_3", now, signature, BODY).status()).isEqualTo(503);
    assertThat(post("evt_3", now, signature, BODY).status()).isEqualTo(204);

    assertThat(received()).extracting(r -> r.get("answer").asInt()).containsExactly(503, 503, 204);
    assertThat(http.call("GET", "/sandbox/webhooks/demo").send().json().get("failuresArmed").asInt()).isZero();
  }

  @Test
  void aMerchantWithoutASecretHasNoReceiver() {
    long now = clock.instant().getEpochSecond();
    SandboxHttp.Answer answer =
        http.call("POST", "/sandbox/webhooks/nobody")
            .header("webhook-id", "evt_4")
            .header("webhook-timestamp", Long.toString(now))
            .header("webhook-signature", sign(DEMO_SECRET, "evt_4", now, BODY))
            .json(BODY)
            .send();
    assertThat(answer.status()).isEqualTo(404);
  }

  private SandboxHttp.Answer post(String id, long timestamp, String signature, String body) {
    return http.call("POST", "/sandbox/webhooks/demo")
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signature)
        .json(body)
        .send();
  }

  private JsonNode received() {
    return http.call("GET", "/sandbox/webhooks/demo").send().json().get("received");
  }

  /** As a sender signs (the spec's scheme), written out here so the test checks the receiver. */
  private static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
