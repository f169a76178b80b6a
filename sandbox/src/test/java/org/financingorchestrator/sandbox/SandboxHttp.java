package org.financingorchestrator.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the sandbox: no redirects followed, no error handling, so tests see
 * exactly what the server answered.
 */
public final class SandboxHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  public static final String AFTERPAY_AUTH =
      basic(AfterpayDefaults.MERCHANT_ID, AfterpayDefaults.SECRET_KEY);

  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;

  public SandboxHttp(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /** An Afterpay /v1 call with the sandbox merchant's credentials and JSON headers. */
  public Call afterpay(String method, String path) {
    Call call =
        call(method, "/afterpay" + path)
            .header("Authorization", AFTERPAY_AUTH)
            .header("Accept", "application/json");
    return call;
  }

  /** One request being built. */
  public final class Call {
    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>();
    private String body;
    private Duration timeout = Duration.ofSeconds(30);

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Call header(String name, String value) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
      if (value != null) {
        headers.add(new String[] {name, value});
      }
      return this;
    }

    public Call json(String json) {
      this.body = json;
      return header("Content-Type", "application/json");
    }

    public Call json(JsonNode json) {
      return json(JSON.writeValueAsString(json));
    }

    public Call form(String form) {
      this.body = form;
      return header("Content-Type", "application/x-www-form-urlencoded");
    }

    public Call body(String raw) {
      this.body = raw;
      return this;
    }

    public Call timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    private HttpRequest request() {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(timeout)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(h -> builder.header(h[0], h[1]));
      return builder.build();
    }

    public Answer send() {
      try {
        return new Answer(client.send(request(), HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    public CompletableFuture<Answer> sendAsync() {
      return client
          .sendAsync(request(), HttpResponse.BodyHandlers.ofString())
          .thenApply(Answer::new);
    }
  }

  /** What the server answered. */
  public record Answer(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public JsonNode json() {
      return JSON.readTree(response.body());
    }

    public String text(String pointer) {
      return json().at(pointer).asString();
    }

    @Override
    public String toString() {
      return response.statusCode() + " " + response.body();
    }
  }
}
