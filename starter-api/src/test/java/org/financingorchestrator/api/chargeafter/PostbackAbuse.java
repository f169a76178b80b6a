package org.financingorchestrator.api.chargeafter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.stack.InProcessStack;

/**
 * What an abuser of ChargeAfter's callbacks sends, and what the test reads back: postbacks with
 * any Authorization and body, many at once, and the flow's history as the server keeps it.
 */
final class PostbackAbuse {

  static final String FINAL = ChargeAfterSendLinkClient.FINAL_POSTBACK;
  static final String DATA_UPDATE = ChargeAfterSendLinkClient.DATA_UPDATE_POSTBACK;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  private final int apiPort;
  private final ChargeAfterPostbackKeys keys;
  private final CallbackSignatures signatures;
  private final WorkflowClient temporal;

  PostbackAbuse(InProcessStack stack) {
    this.apiPort = stack.apiPort();
    this.keys = stack.api().getBean(ChargeAfterPostbackKeys.class);
    this.signatures = stack.api().getBean(CallbackSignatures.class);
    this.temporal = stack.api().getBean(WorkflowClient.class);
  }

  /** The flow's own postbackAuthKey, as ChargeAfter sends it. */
  String bearerOf(String flowId) {
    return "Bearer " + keys.keyFor(flowId);
  }

  /** The flow's redirect signature (never its postback key). */
  String sigOf(String flowId) {
    return signatures.sign(flowId);
  }

  /** A postback of {@code kind} to {@code flowId} with this Authorization (none when null). */
  HttpResponse<String> postback(String flowId, String kind, String authorization, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/v1/callbacks/chargeafter/" + flowId + "/" + kind))
            .timeout(Duration.ofMinutes(1))
            .header("Content-Type", "application/json")
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A postback with the flow's own key. */
  HttpResponse<String> postback(String flowId, String kind, String body) throws Exception {
    return postback(flowId, kind, bearerOf(flowId), body);
  }

  /** A browser's GET, no key. */
  static HttpResponse<String> browser(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What a 200 answer says the flow did with the postback: taken, unchanged or ended. */
  static String received(HttpResponse<String> answer) {
    try {
      return answer.statusCode() + " " + JSON.readTree(answer.body()).path("received").asText();
    } catch (Exception notJson) {
      return answer.statusCode() + " " + answer.body();
    }
  }

  /** Events in the flow's history on the server. */
  int events(String flowId) {
    return temporal.fetchHistory(flowId).getHistory().getEventsCount();
  }

  /** Updates the flow accepted (postbacks it took; the start's linkSent too). */
  long acceptedUpdates(String flowId) {
    return temporal.fetchHistory(flowId).getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  boolean closed(String flowId) {
    EventType last = temporal.fetchHistory(flowId).getLastEvent().getEventType();
    return last == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED || last == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED;
  }
}
