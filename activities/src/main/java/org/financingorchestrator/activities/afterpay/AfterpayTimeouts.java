package org.financingorchestrator.activities.afterpay;

import feign.Request;
import java.time.Duration;
import org.financingorchestrator.activities.common.ProviderFeign;

/**
 * The HTTP timeouts of the Afterpay calls, from the document's "Connection timeouts" tables: open
 * 10 s and read 20 s for every resource, read 70 s for Capture Payment. An activity's
 * start-to-close timeout must be longer than connect + read of its call.
 */
public record AfterpayTimeouts(Duration connect, Duration read, Duration captureRead) {

  public static final Duration CONNECT = Duration.ofSeconds(10);
  public static final Duration READ = Duration.ofSeconds(20);
  public static final Duration CAPTURE_READ = Duration.ofSeconds(70);

  public static final AfterpayTimeouts DOCUMENTED = new AfterpayTimeouts(CONNECT, READ, CAPTURE_READ);

  /** Options of every call but capture. */
  public Request.Options options() {
    return ProviderFeign.options(connect, read);
  }

  /** Options of Capture Payment: the same connect timeout, so the same HTTP client serves it. */
  public Request.Options captureOptions() {
    return ProviderFeign.options(connect, captureRead);
  }
}
