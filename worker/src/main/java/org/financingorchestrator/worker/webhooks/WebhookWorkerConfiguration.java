package org.financingorchestrator.worker.webhooks;

import java.util.Map;
import org.financingorchestrator.activities.webhooks.MerchantWebhookActivitiesImpl;
import org.financingorchestrator.activities.webhooks.WebhookEndpoint;
import org.financingorchestrator.workflows.webhooks.WebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The merchants' webhooks: the delivering activity (worker.yaml's {@code merchantWebhookActivities}
 * on the {@code merchant-webhooks} task queue), and the answer the flows record once per run to
 * "does this merchant have a webhook" ({@link WebhookSubscriptions}), both from {@value #PROPERTIES}.
 * Set while the beans are made, before the workers poll.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookWorkerConfiguration {

  static final String PROPERTIES = WebhooksProperties.PROPERTIES;
  private static final Logger log = LoggerFactory.getLogger(WebhookWorkerConfiguration.class);

  @Bean
  MerchantWebhookActivitiesImpl merchantWebhookActivities(Environment environment) {
    Map<String, WebhookEndpoint> endpoints =
        Binder.get(environment).bindOrCreate(PROPERTIES, WebhooksProperties.class).endpoints();
    WebhookSubscriptions.use(endpoints::containsKey);
    log.info("Merchants with webhooks: {}", endpoints.keySet());
    return MerchantWebhookActivitiesImpl.create(endpoints);
  }
}
