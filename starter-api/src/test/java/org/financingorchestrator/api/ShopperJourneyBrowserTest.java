package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.financingorchestrator.api.stack.BrowserJourney;
import org.financingorchestrator.api.stack.Chromium;
import org.financingorchestrator.api.stack.HeadlessBrowser;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The shopper's journey in a real browser: headless Chromium on the sandbox's demo shop
 * ({@code /demo}, the local demo merchant), through each provider's page in the sandbox, back
 * through starter-api's signed callbacks to the shop's confirmed or cancelled page, which shows
 * the flow's state as the merchant API answers it. The whole stack runs as in
 * {@link AfterpayCheckoutEndToEndTest}. Every step is a screenshot under
 * {@code target/browser-journey/<provider>/<journey>/}; a failed journey also keeps its page.
 */
@RequiresLocalTools({"temporal", "chromium"})
class ShopperJourneyBrowserTest {

  private static final Path OUT = Path.of("target/browser-journey");
  private static final By STATE = By.id("state");
  private static final By HEADLINE = By.id("headline");

  private static InProcessStack stack;
  private static HeadlessBrowser browser;
  private static BrowserJourney journey;

  /** A failed journey keeps the page the shopper was stuck on. */
  @RegisterExtension
  static final TestWatcher KEEP_THE_PAGE_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (journey != null) {
            journey.failed();
          }
        }
      };

  @BeforeAll
  static void startTheStackAndABrowser() throws IOException {
    stack = InProcessStack.start("shopper-journey");
    browser = HeadlessBrowser.open(Chromium.find().value().orElseThrow(), "shopper-journey", 1000, 800);
  }

  @AfterAll
  static void stopTheBrowserAndTheStack() {
    if (browser != null) {
      browser.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anAfterpayShopperApprovesAndLandsOnTheConfirmedPageWithThePaymentCaptured() {
    atProvidersPage("afterpay", "approve");
    assertThat(journey.text(By.id("total"))).contains("61.00");

    shopperChooses("Approve", "CAPTURED", "confirmed");
    assertThat(journey.text(HEADLINE)).isEqualTo("Thank you for your order");
    assertThat(journey.text(By.id("captured"))).isEqualTo("USD 61.00");
    assertThat(journey.text(By.id("steps"))).contains("order_created", "shopper_returned", "captured");
  }

  @ParameterizedTest(name = "{0}: {2} ends {3}")
  @CsvSource({"afterpay, cancel, Cancel, CANCELLED", "afterpay, decline, Decline, DECLINED", "affirm, cancel, Cancel, CANCELLED"})
  void aShopperWhoDoesNotPayLandsOnTheCancelledPageWithNothingCaptured(
      String provider, String name, String button, String state) {
    atProvidersPage(provider, name);

    shopperChooses(button, state, "cancelled");
    assertThat(journey.text(HEADLINE)).isEqualTo("Your order was not paid");
    assertThat(journey.driver().findElements(By.id("captured"))).isEmpty();
  }

  @Test
  void anAffirmShopperConfirmsTheChargeIsAuthorizedAndTheShopCapturesIt() {
    atProvidersPage("affirm", "confirm");

    // Affirm's page posts the checkout token to our confirmation callback, which authorizes.
    shopperChooses("Confirm", "AUTHORIZED", "confirmed");
    assertThat(journey.text(By.id("order"))).isEqualTo("USD 61.00");

    journey.click(By.id("capture"));
    journey.waitForText(STATE, "CAPTURED");
    journey.step("captured");
    assertThat(journey.text(By.id("captured"))).isEqualTo("USD 61.00");
    assertThat(journey.text(By.id("steps"))).contains("authorized", "captured");
  }

  @Test
  void aChargeAfterLinkIsSentTheShopperOpensItIsApprovedAndTheShopShowsApproved() {
    atChargeAfterConsumerPage("approve");

    shopperChooses("approve", "APPROVED", "confirmed");
    assertThat(journey.driver().findElements(By.id("link"))).isEmpty();
    assertThat(journey.text(By.id("steps"))).contains("link_sent", "final_postback", "approved");
  }

  @Test
  void aChargeAfterShopperDeclinedLandsOnTheCancelledPageWithChargeAftersCode() {
    atChargeAfterConsumerPage("decline");

    shopperChooses("decline", "DECLINED", "cancelled");
    assertThat(journey.text(By.id("failure"))).startsWith("chargeafter: GENERAL");
  }

  @Test
  void aShopOpenedAtAnIpAddressStartsNothingTheRedirectRulesRefuseItsPages() {
    // The shop's pages are its redirect URLs at the address the browser used: an IP address is
    // never a merchant's redirect host, demo or not.
    journey = new BrowserJourney(browser, OUT.resolve("afterpay").resolve("ip-address"));
    journey.open("http://127.0.0.1:" + stack.sandboxPort() + "/demo");
    journey.step("shop");
    journey.click(By.id("pay-afterpay"));
    journey.waitForText(HEADLINE, "The merchant API answered 400");
    journey.step("refused");
    assertThat(journey.text(By.id("error"))).contains("merchant.redirectConfirmUrl", "merchant.redirectCancelUrl", "open the shop at localhost");
  }

  /**
   * A new journey from the shop's cart to ChargeAfter's consumer page: the order's page says the
   * link was sent and where the shopper finds it, and the shopper opens it.
   */
  private static void atChargeAfterConsumerPage(String name) {
    shop("chargeafter", name);
    journey.waitForText(STATE, "AWAITING_SHOPPER");
    journey.step("link-sent");
    assertThat(journey.text(By.id("link-sent"))).contains("ChargeAfter sent the shopper a link");
    // The shopper opens the link where it reached them (an email, a text): not a click in the shop.
    journey.open(journey.attribute(By.id("link"), "href"));
    journey.waitForUrl("/chargeafter/consumer/");
    journey.step("chargeafter-consumer-page");
  }

  /**
   * The shopper presses {@code button} on the provider's page; the browser comes back through our
   * callback to the shop's {@code page} (confirmed or cancelled), which shows the flow in {@code state}.
   */
  private static void shopperChooses(String button, String state, String page) {
    journey.click(By.xpath("//button[text()='" + button + "']"));
    journey.waitForText(STATE, state);
    journey.step(page);
    assertThat(journey.driver().getCurrentUrl()).matches(shopPage(page));
  }

  /** A new journey from the shop's cart to {@code provider}'s checkout page in the sandbox. */
  private static void atProvidersPage(String provider, String name) {
    shop(provider, name);
    journey.waitForUrl("/" + provider + "/checkout");
    journey.step(provider + "-checkout");
  }

  /** A new journey: the shop's cart, screenshot, then the button that pays with {@code provider}. */
  private static void shop(String provider, String name) {
    journey = new BrowserJourney(browser, OUT.resolve(provider).resolve(name));
    journey.open("http://localhost:" + stack.sandboxPort() + "/demo");
    assertThat(journey.text(By.id("total"))).isEqualTo("USD 61.00");
    journey.step("shop");
    journey.click(By.id("pay-" + provider));
  }

  /** The shop's page for an order, /demo/orders/shop-<hex>/<outcome>, with what the callback appended. */
  private static String shopPage(String outcome) {
    return "http://localhost:" + stack.sandboxPort() + "/demo/orders/shop-[0-9a-f]{16}/" + outcome + "(\\?.*)?";
  }
}
