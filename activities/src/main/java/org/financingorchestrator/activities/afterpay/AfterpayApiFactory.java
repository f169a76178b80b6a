package org.financingorchestrator.activities.afterpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.financingorchestrator.activities.common.ProviderFeign;
import org.financingorchestrator.activities.common.ProviderJson;

/** Builds the Afterpay Feign client: documented timeouts, no Feign retries, metrics. */
public final class AfterpayApiFactory {

  /** The provider's name in every ProviderFailure. */
  public static final String PROVIDER = "afterpay";

  private AfterpayApiFactory() {}

  public static AfterpayApi create(AfterpayClientSettings settings, MeterRegistry meterRegistry) {
    return create(settings, meterRegistry, AfterpayTimeouts.DOCUMENTED, Clock.systemUTC());
  }

  /** Tests shorten the timeouts and fix the clock that turns a Retry-After date into a delay. */
  static AfterpayApi create(
      AfterpayClientSettings settings,
      MeterRegistry meterRegistry,
      AfterpayTimeouts timeouts,
      Clock clock) {
    ObjectMapper objectMapper = ProviderJson.newObjectMapper();
    return ProviderFeign.builder(
            PROVIDER,
            objectMapper,
            new AfterpayErrorDecoder(objectMapper, clock),
            timeouts.options(),
            meterRegistry)
        .requestInterceptor(new AfterpayHeaders(settings))
        .target(AfterpayApi.class, settings.target());
  }
}
