package org.financingorchestrator.worker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.financingorchestrator.activities.webhooks.MerchantWebhookActivitiesImpl;
import org.financingorchestrator.workflows.webhooks.WebhookSubscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WebhookWorkerConfigurationTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final ApplicationContextRunner worker =
      new ApplicationContextRunner().withUserConfiguration(WebhookWorkerConfiguration.class);

  @AfterEach
  void noMerchantHasWebhooksAfter() {
    WebhookSubscriptions.use(merchantId -> false);
  }

  @Test
  void aMerchantWithUrlAndSecretHasAWebhookAndOthersHaveNone() {
    worker
        .withPropertyValues(
            "webhooks.merchants.acme.url=https://shop.acme.example/hooks/financing",
            "webhooks.merchants.acme.secret=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean("merchantWebhookActivities")).isInstanceOf(MerchantWebhookActivitiesImpl.class);
              assertThat(WebhookSubscriptions.has("acme")).isTrue();
              assertThat(WebhookSubscriptions.has("other")).isFalse();
            });
  }

  @Test
  void noMerchantsNoWebhooks() {
    worker.run(context -> assertThat(WebhookSubscriptions.has("demo")).isFalse());
  }

  @Test
  void aUrlWithoutASecretStopsTheWorkerFromStarting() {
    worker
        .withPropertyValues("webhooks.merchants.acme.url=https://shop.acme.example/hooks/financing")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("needs both url and secret"));
  }

  @Test
  void neverPrintsTheSecret() {
    WebhooksProperties properties =
        new WebhooksProperties(Map.of("acme", new WebhooksProperties.MerchantWebhook("https://shop.acme.example/h", SECRET)));
    assertThat(properties.toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(properties.endpoints().toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  }

  @Test
  void aShortSecretStopsTheWorkerWithoutPrintingIt() {
    worker
        .withPropertyValues(
            "webhooks.merchants.acme.url=https://shop.acme.example/hooks/financing",
            "webhooks.merchants.acme.secret=whsec_c2hvcnQtc2VjcmV0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("at least 24 bytes")
                    .message()
                    .doesNotContain("c2hvcnQtc2VjcmV0"));
  }
}
