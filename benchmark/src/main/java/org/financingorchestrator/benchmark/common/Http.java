package org.financingorchestrator.benchmark.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The driver's HTTP, as a browser and a merchant's backend use it: keep-alive connections,
 * redirects not followed (the driver follows them itself, timing the step it measures).
 */
public final class Http {

  /** Longer than any wait of the API (the shopper's return waits up to 6 minutes). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(7);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public HttpResponse<String> postJson(String url, String authorization, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String url) throws Exception {
    return get(url, null);
  }

  public HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The Location of a redirect, or null. */
  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse(null);
  }
}
