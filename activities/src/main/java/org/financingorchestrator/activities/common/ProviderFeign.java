package org.financingorchestrator.activities.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import feign.micrometer.MicrometerCapability;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The Feign builder every provider client starts from; each provider adds its own request
 * interceptor and target.
 */
public final class ProviderFeign {

  private ProviderFeign() {}

  /**
   * @param provider the provider's name in failures ("afterpay")
   * @param options connect and read timeouts for every call; must not follow redirects
   */
  public static Feign.Builder builder(
      String provider,
      ObjectMapper objectMapper,
      ErrorDecoder errorDecoder,
      Request.Options options,
      MeterRegistry meterRegistry) {
    if (options.isFollowRedirects()) {
      throw new IllegalArgumentException("provider APIs answer, they do not redirect: " + provider);
    }
    return Feign.builder()
        .client(new Http2Client(httpClient(options)))
        .options(options)
        .encoder(new JacksonEncoder(objectMapper))
        .decoder(new BodyRequiredDecoder(new JacksonDecoder(objectMapper)))
        .errorDecoder(errorDecoder)
        // Temporal's retry policy retries; a Feign retry would multiply every attempt.
        .retryer(Retryer.NEVER_RETRY)
        // Bodies and headers carry personal data and credentials: Feign logs nothing.
        .logLevel(Logger.Level.NONE)
        // Order matters: the metered client sits outside, so it times I/O failures too.
        .addCapability(new UnreachableProviderCapability(provider))
        .addCapability(new MicrometerCapability(meterRegistry));
  }

  /** Timeouts and redirect handling of one call as Feign options (redirects never followed). */
  public static Request.Options options(Duration connect, Duration read) {
    return new Request.Options(connect, read, false);
  }

  /**
   * HTTP/1.1, so that plain-http sandboxes get plain requests rather than h2c upgrade attempts;
   * the same connect timeout and redirect setting as the options, so Feign reuses this client for
   * every call instead of building one per options.
   */
  private static HttpClient httpClient(Request.Options options) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofMillis(options.connectTimeoutMillis()))
        .build();
  }
}
