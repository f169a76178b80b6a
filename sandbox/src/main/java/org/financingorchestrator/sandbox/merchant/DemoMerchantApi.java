package org.financingorchestrator.sandbox.merchant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.sandbox.common.OutgoingCalls;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * starter-api's merchant API as the demo merchant's server calls it: JSON with the merchant's API
 * key, which never leaves this server (the shopper's browser sees only the shop's own pages).
 */
class DemoMerchantApi {

  // A start request waits for the provider's order (Afterpay's, ChargeAfter's link): up to a minute.
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(90);

  private final HttpClient client = OutgoingCalls.httpClient();
  private final DemoProperties properties;
  private final ObjectMapper json;

  DemoMerchantApi(DemoProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  JsonNode post(String path, Object body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  JsonNode get(String path) {
    return send(request(path).GET());
  }

  /** POSTs the checkout object to the sandbox's stand-in for Affirm.js, which takes no key. */
  JsonNode openAffirmCheckout(URI affirmJs, JsonNode checkout) {
    return send(
        HttpRequest.newBuilder(affirmJs)
            .timeout(ANSWER_WAIT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(checkout))));
  }

  private HttpRequest.Builder request(String path) {
    String base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(ANSWER_WAIT)
        .header("Authorization", "Bearer " + properties.apiKey())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> answer;
    try {
      answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DemoApiException(0, "The merchant API could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoApiException(0, "Interrupted while calling the merchant API");
    }
    JsonNode body = read(answer.body());
    if (answer.statusCode() >= 300) {
      throw new DemoApiException(answer.statusCode(), problem(body));
    }
    return body;
  }

  /** A problem+json in words: each bad field, else its detail; nothing secret is in them. */
  private static String problem(JsonNode body) {
    List<String> fields = new ArrayList<>();
    for (JsonNode error : body.path("errors")) {
      fields.add(error.path("field").asString("") + " " + error.path("message").asString(""));
    }
    return fields.isEmpty() ? body.path("detail").asString(body.path("title").asString("")) : String.join("; ", fields);
  }

  /** The answer as JSON; one that is not (a proxy's error page, say) as an empty object. */
  private JsonNode read(String body) {
    try {
      return body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (JacksonException notJson) {
      return json.createObjectNode();
    }
  }
}
