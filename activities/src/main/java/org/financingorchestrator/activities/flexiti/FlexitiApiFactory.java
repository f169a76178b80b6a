package org.financingorchestrator.activities.flexiti;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.jackson.JacksonDecoder;
import org.financingorchestrator.activities.common.BodyRequiredDecoder;
import feign.jackson.JacksonEncoder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.financingorchestrator.activities.common.ProviderFeign;
import org.financingorchestrator.activities.common.ProviderJson;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.financingorchestrator.workflows.flexiti.FlexitiTimeouts;

/**
 * Builds the Flexiti clients of one worker: the token endpoint, the token holder every call shares,
 * and the POS API with the bearer interceptor. No Feign retries; metrics.
 */
final class FlexitiApiFactory {

  record Clients(FlexitiApi api, FlexitiTokens tokens) {}

  private FlexitiApiFactory() {}

  static Clients create(FlexitiClientSettings settings, MeterRegistry meterRegistry, FlexitiTimeouts timeouts, Clock clock) {
    ObjectMapper objectMapper = ProviderJson.newObjectMapper();
    // The token endpoint's own client carries no bearer, so it has no refused token to tell of.
    FlexitiAuthApi auth =
        builder(objectMapper, clock, refused -> {}, timeouts, meterRegistry).target(FlexitiAuthApi.class, settings.target());
    FlexitiTokens tokens = new FlexitiTokens(auth, settings, clock, FlexitiTimeouts.TOKEN_RENEWAL_AHEAD);
    FlexitiApi api =
        builder(objectMapper, clock, tokens::invalidate, timeouts, meterRegistry)
            .requestInterceptor(new FlexitiBearer(tokens))
            .target(FlexitiApi.class, settings.target());
    return new Clients(api, tokens);
  }

  private static Feign.Builder builder(
      ObjectMapper objectMapper, Clock clock, java.util.function.Consumer<String> refusedToken, FlexitiTimeouts timeouts,
      MeterRegistry meterRegistry) {
    return ProviderFeign.builder(
            FlexitiPurchaseWorkflow.PROVIDER,
            objectMapper,
            new FlexitiErrorDecoder(objectMapper, clock, refusedToken),
            ProviderFeign.options(timeouts.connect(), timeouts.read()),
            meterRegistry)
        .encoder(new FlexitiEncoder(new JacksonEncoder(objectMapper)))
        .decoder(new BodyRequiredDecoder(new FlexitiDecoder(new JacksonDecoder(objectMapper))));
  }
}
