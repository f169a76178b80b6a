package org.financingorchestrator.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.net.http.HttpRequest;
import java.util.Map;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.workflows.common.codec.AesGcmPayloadCodec;
import org.junit.jupiter.api.Test;

/** Temporal's codec-server protocol, as the Temporal UI calls it from an operator's browser. */
class CodecServerApiTest extends ApiTest {

  private static final String UI = "http://localhost:8233";
  private static final Map<String, String> SHOPPER = Map.of("email", "joe@example.com");

  @Test
  void decodeAnswersWhatTheAppsConverterEncrypted() throws Exception {
    Payload encrypted = client.getOptions().getDataConverter().toPayload(SHOPPER).orElseThrow();
    assertThat(AesGcmPayloadCodec.isEncrypted(encrypted)).isTrue();

    Http.Reply reply = codec("/codec/decode", json(encrypted), "Bearer " + CODEC_TOKEN);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(payloads(reply.body()))
        .containsExactly(DefaultDataConverter.STANDARD_INSTANCE.toPayload(SHOPPER).orElseThrow());
  }

  @Test
  void encodeEncryptsAndDecodeReadsItBack() throws Exception {
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(SHOPPER).orElseThrow();

    Http.Reply encoded = codec("/codec/encode", json(plain), "Bearer " + CODEC_TOKEN);
    assertThat(encoded.status()).as(encoded.toString()).isEqualTo(200);
    Payload encrypted = payloads(encoded.body()).get(0);
    Http.Reply decoded = codec("/codec/decode", encoded.body(), "Bearer " + CODEC_TOKEN);

    assertThat(AesGcmPayloadCodec.isEncrypted(encrypted)).isTrue();
    assertThat(encoded.body()).doesNotContain("joe@example.com");
    assertThat(payloads(decoded.body())).containsExactly(plain);
  }

  @Test
  void withoutTheOperatorsTokenNothingIsDecrypted() throws Exception {
    String body = json(client.getOptions().getDataConverter().toPayload(SHOPPER).orElseThrow());

    for (String authorization : new String[] {null, "Bearer wrong-token", "Basic " + CODEC_TOKEN}) {
      Http.Reply reply = codec("/codec/decode", body, authorization);
      assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(reply.body()).doesNotContain("joe@example.com");
    }
  }

  @Test
  void anotherNamespaceIsRefused() throws Exception {
    Http.Reply reply =
        http.send(
            http.withKey(null).request("/codec/decode")
                .header("Content-Type", "application/json")
                .header("X-Namespace", "payments")
                .header("Authorization", "Bearer " + CODEC_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"payloads\":[]}")));

    assertProblem(reply, 400);
  }

  @Test
  void aBodyThatIsNotPayloadsIsABadRequest() {
    assertProblem(codec("/codec/decode", "{\"payloads\":\"nope\"}", "Bearer " + CODEC_TOKEN), 400);
  }

  @Test
  void theTemporalUisOriginMayCallItFromTheBrowser() {
    Http.Reply preflight = preflight(UI);

    assertThat(preflight.status()).as(preflight.toString()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(UI);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
        .contains("content-type", "x-namespace", "authorization");
  }

  @Test
  void anotherOriginMayNot() {
    Http.Reply preflight = preflight("http://evil.example");

    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void theMerchantApiIsNotOpenedToTheUisOrigin() {
    Http.Reply preflight =
        http.send(
            http.request("/v1/afterpay/checkouts")
                .header("Origin", UI)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  private Http.Reply preflight(String origin) {
    return http.send(
        http.withKey(null).request("/codec/decode")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,x-namespace,authorization")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  private Http.Reply codec(String path, String body, String authorization) {
    HttpRequest.Builder request =
        // The operator's token only: no merchant key (the codec server is not the merchant API).
        http.withKey(null).request(path)
            .header("Content-Type", "application/json")
            .header("X-Namespace", "default")
            .header("Origin", UI)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request);
  }

  private static String json(Payload payload) throws Exception {
    return JsonFormat.printer().print(Payloads.newBuilder().addPayloads(payload));
  }

  private static java.util.List<Payload> payloads(String json) throws Exception {
    Payloads.Builder payloads = Payloads.newBuilder();
    JsonFormat.parser().merge(json, payloads);
    return payloads.getPayloadsList();
  }
}
