package org.financingorchestrator.api.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.financingorchestrator.api.TestMerchants;

/**
 * HTTP for end-to-end tests, as a merchant's backend, a browser and a provider would send it:
 * redirects never followed (the test follows them), the demo merchant's key on every request
 * (the sandbox ignores it; the API needs it on merchant endpoints).
 */
public final class StackHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  private StackHttp() {}

  public static HttpResponse<String> get(URI uri) throws Exception {
    return send(asDemoMerchant(uri).GET().build());
  }

  /** A POST with this JSON body, or none when null. */
  public static HttpResponse<String> post(URI uri, String json) throws Exception {
    HttpRequest.Builder request = asDemoMerchant(uri);
    if (json == null) {
      return send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
    }
    return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** What a shopper's browser posts: a form, without the merchant's key. */
  public static HttpResponse<String> postForm(URI uri, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static HttpRequest.Builder asDemoMerchant(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + TestMerchants.DEMO_KEY);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
