package org.financingorchestrator.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.net.http.HttpRequest;
import java.util.Map;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * codec-server.trusted-networks, as the compose stack's Temporal UI uses it: the browser's requests,
 * token-less, from a trusted network (here this machine's, 127.0.0.1/32, with the loopback mode
 * off) are decoded. From a network not listed they get 401: {@link CodecServerApiTest}, whose app
 * trusts none.
 */
@TestPropertySource(properties = "codec-server.trusted-networks=127.0.0.1/32")
class CodecServerTrustedNetworkApiTest extends ApiTest {

  @Test
  void aTrustedNetworksTokenlessRequestIsDecoded() throws Exception {
    Map<String, String> shopper = Map.of("email", "joe@example.com");
    String encrypted =
        JsonFormat.printer()
            .print(Payloads.newBuilder().addPayloads(client.getOptions().getDataConverter().toPayload(shopper).orElseThrow()));

    Http.Reply reply =
        http.send(
            http.withKey(null).request("/codec/decode")
                .header("Content-Type", "application/json")
                .header("X-Namespace", "default")
                .header("Origin", "http://localhost:8233")
                .POST(HttpRequest.BodyPublishers.ofString(encrypted)));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    Payloads.Builder decoded = Payloads.newBuilder();
    JsonFormat.parser().merge(reply.body(), decoded);
    assertThat(decoded.getPayloadsList())
        .containsExactly(DefaultDataConverter.STANDARD_INSTANCE.toPayload(shopper).orElseThrow());
  }
}
