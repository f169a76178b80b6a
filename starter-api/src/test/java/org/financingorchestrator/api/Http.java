package org.financingorchestrator.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the app's random port; redirects are not followed. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration timeout;
  /** Sent as {@code Authorization: Bearer}; none when null. */
  private final String apiKey;

  /** As shopa ({@link TestMerchants#A_KEY}). */
  public Http(int port) {
    this(port, Duration.ofSeconds(60));
  }

  /** With a longer bound for requests that wait on a flow (a capture retried after a crash). */
  public Http(int port, Duration timeout) {
    this("http://localhost:" + port, timeout, TestMerchants.A_KEY);
  }

  private Http(String base, Duration timeout, String apiKey) {
    this.base = base;
    this.timeout = timeout;
    this.apiKey = apiKey;
  }

  /** The same client with another API key; null sends none. */
  public Http withKey(String apiKey) {
    return new Http(base, timeout, apiKey);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, Object json) {
    return send(jsonRequest(path, json).POST(HttpRequest.BodyPublishers.ofString(text(json))));
  }

  public Reply put(String path, Object json) {
    return send(jsonRequest(path, json).PUT(HttpRequest.BodyPublishers.ofString(text(json))));
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
  }

  private HttpRequest.Builder jsonRequest(String path, Object json) {
    return request(path).header("Content-Type", "application/json").header("Accept", "application/json");
  }

  private static String text(Object json) {
    return json instanceof String s ? s : JSON.writeValueAsString(json);
  }

  /** One answer: status, headers and the body as JSON (null when empty or not JSON). */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    Reply(HttpResponse<String> response) {
      this(response.statusCode(), response.headers(), response.body());
    }

    public JsonNode json() {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
