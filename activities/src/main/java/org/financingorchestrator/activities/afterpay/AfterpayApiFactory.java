package org.financingorchestrator.activities.afterpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.financingorchestrator.activities.common.ProviderFeign;
import org.financingorchestrator.activities.common.ProviderJson;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;

/** Builds the Afterpay Feign client: documented timeouts, no Feign retries, metrics. */
public final class AfterpayApiFactory {

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
            AfterpayCheckoutWorkflow.PROVIDER,
            objectMapper,
            new AfterpayErrorDecoder(objectMapper, clock),
            options(timeouts),
            meterRegistry)
        .requestInterceptor(new AfterpayHeaders(settings))
        .target(AfterpayApi.class, settings.target());
  }

  /** Feign's options of every call but capture, from the one record of Afterpay's timeouts. */
  static Request.Options options(AfterpayTimeouts timeouts) {
    return ProviderFeign.options(timeouts.connect(), timeouts.read());
  }

  /** Options of Capture Payment: the same connect timeout, so the same HTTP client serves it. */
  static Request.Options captureOptions(AfterpayTimeouts timeouts) {
    return ProviderFeign.options(timeouts.connect(), timeouts.captureRead());
  }
}
