package org.financingorchestrator.api.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shopper return's Update id: one per round and token, and the token itself not shown. */
class AfterpayShopperReturnUpdateIdTest {

  @Test
  void namesTheRoundAndADigestOfTheToken() {
    String token = "002.v4krg5ttf5np9fo8j4ltnqgg5d0ntqpnq8o0tkkeq9jgsse1";

    String first = AfterpayCheckoutClient.shopperReturnUpdateId(0, token);

    assertThat(first).matches("shopper-return-0-[0-9a-f]{16}").doesNotContain(token);
    assertThat(AfterpayCheckoutClient.shopperReturnUpdateId(0, token)).isEqualTo(first);
    assertThat(AfterpayCheckoutClient.shopperReturnUpdateId(1, token)).startsWith("shopper-return-1-").endsWith(first.substring(17));
    assertThat(AfterpayCheckoutClient.shopperReturnUpdateId(0, token + "x")).isNotEqualTo(first);
  }
}
