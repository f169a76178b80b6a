package org.financingorchestrator.api.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestMerchants;

/**
 * HTTP as the crash suite's callers send it while processes die under them: the merchant's
 * backend (with the demo merchant's key), the shopper's browser (callbacks, with no key) and the
 * sandbox's consumer pages. Each retries what such a caller retries: a connection refused or
 * reset (the API was killed), 502, 503 and 504 (the API or Temporal restarting; an answer that
 * did not come in time) and 429 (a provider's page rate-limited by a fault), with a backoff from
 * 250 ms to 2 s, never sooner than a Retry-After says, for up to {@link #PATIENCE}.
 * Merchant requests are idempotent by their merchant reference, callbacks by the flow's state,
 * so repeating them is what real callers do. Redirects are never followed: the script does.
 */
public final class CrashCalls {

  /** How long a caller keeps retrying: longer than a restart of any process of the stack. */
  public static final Duration PATIENCE = Duration.ofMinutes(4);

  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String api;
  private final String sandbox;
  private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  /** Calls to the API at {@code apiBase} and the sandbox at {@code sandboxBase} ("http://host:port"). */
  public CrashCalls(String apiBase, String sandboxBase) {
    this.api = apiBase;
    this.sandbox = sandboxBase;
  }

  public String apiBase() {
    return api;
  }

  public String sandboxBase() {
    return sandbox;
  }

  /** The merchant's backend: {@code path} on the API, a JSON body (none when null), the demo key. */
  public Http.Reply merchant(String method, String path, Object json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + TestMerchants.DEMO_KEY);
    return send("merchant", withJson(request, method, json));
  }

  /** The shopper's browser at an absolute URL (a callback): GET, or POST of a form when {@code form} is given. */
  public Http.Reply browser(String url, String form) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (form == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return send("browser", request);
  }

  /** The sandbox (a consumer's step at the provider, a control): {@code path} there, a JSON body or none. */
  public Http.Reply sandbox(String method, String path, Object json) {
    return send("sandbox", withJson(HttpRequest.newBuilder(URI.create(sandbox + path)), method, json));
  }

  /** Retries so far by caller ("merchant", "browser", "sandbox"). */
  public Map<String, Long> retries() {
    Map<String, Long> figures = new TreeMap<>();
    retries.forEach((caller, count) -> figures.put(caller, count.sum()));
    return figures;
  }

  /** Requests sent and not answered yet, now, by caller ("merchant", "browser", "sandbox"). */
  public Map<String, Integer> inFlight() {
    Map<String, Integer> now = new TreeMap<>();
    inFlight.forEach((caller, count) -> now.put(caller, count.get()));
    return now;
  }

  /** Requests answered (each counted once, however often it was retried). */
  public long calls() {
    return calls.sum();
  }

  private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, Object json) {
    request.header("Accept", "application/json");
    if (json == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    String body = json instanceof String text ? text : Http.JSON.writeValueAsString(json);
    return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  private Http.Reply send(String caller, HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
    long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
    long backoffMillis = 250;
    while (true) {
      String failure;
      long retryAfterMillis = 0;
      AtomicInteger calling = inFlight.computeIfAbsent(caller, c -> new AtomicInteger());
      calling.incrementAndGet();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (!RETRIED_STATUSES.contains(response.statusCode())) {
          calls.increment();
          return new Http.Reply(response.statusCode(), response.headers(), response.body());
        }
        failure = response.statusCode() + " " + response.body();
        // Told when to come back: no sooner than that.
        retryAfterMillis = response.headers().firstValue("Retry-After").map(CrashCalls::seconds).orElse(0L) * 1_000;
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
      } finally {
        calling.decrementAndGet();
      }
      if (System.nanoTime() - giveUpAt > 0) {
        throw new IllegalStateException(
            caller + " gave up after " + PATIENCE + ": " + request.method() + " " + request.uri() + " last answered " + failure);
      }
      retries.computeIfAbsent(caller, c -> new LongAdder()).increment();
      pause(Math.max(backoffMillis, retryAfterMillis));
      backoffMillis = Math.min(2_000, backoffMillis * 2);
    }
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(0, Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException httpDate) {
      return 1;
    }
  }

  /** A caller's backoff between two tries, as a browser or a provider waits before it tries again. */
  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
