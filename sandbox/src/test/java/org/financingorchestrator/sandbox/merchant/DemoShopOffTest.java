package org.financingorchestrator.sandbox.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The demo shop starts flows with a merchant's API key: a sandbox not told which API and key
 * (sandbox.demo.*) has no shop. {@code ShopperJourneyBrowserTest} drives it where it is on.
 */
class DemoShopOffTest extends SandboxIntegrationTest {

  @Test
  void withoutAMerchantApiTheSandboxHasNoShop() {
    assertThat(http.call("GET", "/demo").send().status()).isEqualTo(404);
    assertThat(http.call("POST", "/demo/checkout/afterpay").send().status()).isEqualTo(404);
  }
}
