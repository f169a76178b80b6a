package org.financingorchestrator.api.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A merchant's redirect URLs: https, on its own configured hosts, never an open redirect. */
class MerchantRedirectsApiTest extends ApiTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8081/admin",
        "https://127.0.0.1/ok",
        "https://169.254.169.254/latest/meta-data",
        "https://2130706433/ok",
        "https://[::1]/ok",
        "https://evil@shop.example/ok",
        "https://shop.example@evil.example/ok",
        "https://evil.example/ok",
        "https://shop.example.evil.example/ok",
        "http://shop.example/ok",
        "http://localhost:3000/ok"
      })
  void aRedirectUrlThatIsNotHttpsOnTheMerchantsOwnHostIsRefused(String url) {
    for (String field : List.of("redirectConfirmUrl", "redirectCancelUrl")) {
      ObjectNode body = Checkouts.body(reference("redirect-"));
      body.withObject("/merchant").put(field, url);

      JsonNode problem = assertInvalid(http.post(Checkouts.PATH, body), "merchant." + field);

      assertThat(problem.path("errors")).hasSize(1);
    }
  }

  @Test
  void theMerchantsOwnHostsAreAccepted() {
    ObjectNode body = Checkouts.body(reference("own-"));
    body.withObject("/merchant").put("redirectConfirmUrl", "https://SHOP.example:8443/order/ok?x=1");
    body.withObject("/merchant").put("redirectCancelUrl", "https://www.merchant.com/cart");

    Http.Reply reply = http.post(Checkouts.PATH, body);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  @Test
  void plainHttpToLocalhostOnlyWhereAllowedAndOnlyForTheMerchantsHosts() {
    Merchant local = new Merchant("demo", List.of(), List.of("localhost", "shop.example"));
    MerchantRedirectRule allowing = new MerchantRedirectRule(new RedirectProperties(true));

    assertThat(allowing.check(local, "f", "http://localhost:3000/ok")).isEmpty();
    assertThat(allowing.check(local, "f", "http://shop.example/ok")).isPresent();
    assertThat(new MerchantRedirectRule(new RedirectProperties(false)).check(local, "f", "http://localhost:3000/ok"))
        .isPresent();
  }
}
