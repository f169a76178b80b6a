package org.financingorchestrator.activities.chargeafter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.financingorchestrator.activities.common.ProviderFeign;
import org.financingorchestrator.activities.common.ProviderJson;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterTimeouts;

/** Builds the ChargeAfter Feign client: our timeouts, no Feign retries, metrics. */
public final class ChargeAfterApiFactory {

  private ChargeAfterApiFactory() {}

  public static ChargeAfterApi create(ChargeAfterClientSettings settings, MeterRegistry meterRegistry) {
    return create(settings, meterRegistry, ChargeAfterTimeouts.CHOSEN);
  }

  static ChargeAfterApi create(ChargeAfterClientSettings settings, MeterRegistry meterRegistry, ChargeAfterTimeouts timeouts) {
    ObjectMapper objectMapper = ProviderJson.newObjectMapper();
    return ProviderFeign.builder(
            ChargeAfterSendLinkWorkflow.PROVIDER,
            objectMapper,
            new ChargeAfterErrorDecoder(objectMapper, Clock.systemUTC()),
            ProviderFeign.options(timeouts.connect(), timeouts.read()),
            meterRegistry)
        .requestInterceptor(new ChargeAfterHeaders(settings))
        .target(ChargeAfterApi.class, settings.target());
  }
}
