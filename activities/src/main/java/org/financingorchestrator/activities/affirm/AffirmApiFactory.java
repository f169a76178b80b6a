package org.financingorchestrator.activities.affirm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.financingorchestrator.activities.common.ProviderFeign;
import org.financingorchestrator.activities.common.ProviderJson;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.affirm.AffirmTimeouts;

/** Builds the Affirm Feign client: the assumed timeouts, no Feign retries, metrics. */
public final class AffirmApiFactory {

  private AffirmApiFactory() {}

  public static AffirmApi create(AffirmClientSettings settings, MeterRegistry meterRegistry) {
    return create(settings, meterRegistry, AffirmTimeouts.DOCUMENTED, Clock.systemUTC());
  }

  static AffirmApi create(AffirmClientSettings settings, MeterRegistry meterRegistry, AffirmTimeouts timeouts, Clock clock) {
    ObjectMapper objectMapper = ProviderJson.newObjectMapper();
    return ProviderFeign.builder(
            AffirmCheckoutWorkflow.PROVIDER,
            objectMapper,
            new AffirmErrorDecoder(objectMapper, clock),
            ProviderFeign.options(timeouts.connect(), timeouts.read()),
            meterRegistry)
        .requestInterceptor(new AffirmHeaders(settings))
        .target(AffirmApi.class, settings.target());
  }
}
