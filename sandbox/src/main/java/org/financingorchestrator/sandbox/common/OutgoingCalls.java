package org.financingorchestrator.sandbox.common;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * How the sandbox calls out (ChargeAfter's postbacks, the demo shop's merchant API calls): HTTP/1.1
 * as the apps serve it, redirects never followed (an answer's 303 is the caller's to read), and a
 * short connect timeout, since everything it calls is local.
 */
public final class OutgoingCalls {

  private OutgoingCalls() {}

  public static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
