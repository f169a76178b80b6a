package org.financingorchestrator.sandbox.chargeafter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.LedgerEvent;
import org.financingorchestrator.sandbox.common.OutgoingCalls;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends postbacks as ChargeAfter does: POST of the JSON body to the URL the session was given,
 * with {@code Authorization: Bearer <postbackAuthKey>}. Each delivery is in the ledger with the
 * answer's status (0 when the URL could not be reached); the key and the body are not.
 */
@Component
class ChargeAfterPostbacks implements DisposableBean {

  static final String FINAL = "final";
  static final String DATA_UPDATE = "dataUpdate";

  private final HttpClient client = OutgoingCalls.httpClient();
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "chargeafter-late-postbacks");
            thread.setDaemon(true);
            return thread;
          });
  private final Ledger ledger;
  private final ObjectMapper mapper;

  ChargeAfterPostbacks(Ledger ledger, ObjectMapper mapper) {
    this.ledger = ledger;
    this.mapper = mapper;
  }

  /** Sends now; answers the HTTP status, 0 when unreachable. Nothing is sent without a URL. */
  int send(ChargeAfterSession session, String kind, String url, ObjectNode body) {
    if (url == null) {
      return 0;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
    if (session.postbackAuthKey != null) {
      request.header("Authorization", "Bearer " + session.postbackAuthKey);
    }
    int status;
    try {
      status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
    }
    ledger.append(
        LedgerEvent.of(ChargeAfter.PROVIDER, "POSTBACK_SENT")
            .reference("statusTrackingId", session.statusTrackingId)
            .reference("postback", kind)
            .reference("httpStatus", Integer.toString(status)));
    return status;
  }

  /** Sends after a delay, from a side thread. */
  void sendLater(ChargeAfterSession session, String kind, String url, ObjectNode body, Duration delay) {
    later.schedule(() -> send(session, kind, url, body), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    later.shutdownNow();
  }
}
