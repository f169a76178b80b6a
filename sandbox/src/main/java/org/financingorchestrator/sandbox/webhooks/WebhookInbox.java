package org.financingorchestrator.sandbox.webhooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.financingorchestrator.sandbox.common.SandboxState;
import org.springframework.stereotype.Component;

/**
 * What each merchant's receiver got: every request in order, the event ids taken (the dedup a real
 * receiver keeps), and how many of the next requests to fail on purpose. Thread-safe.
 */
@Component
class WebhookInbox implements SandboxState {

  private final Map<String, List<ReceivedWebhook>> received = new HashMap<>();
  private final Map<String, Set<String>> taken = new HashMap<>();
  private final Map<String, Integer> failuresArmed = new HashMap<>();
  private long lastSeq;

  synchronized long nextSeq() {
    return ++lastSeq;
  }

  /** Records the request; a verified event id taken before is recorded as a duplicate. */
  synchronized ReceivedWebhook record(String merchantId, ReceivedWebhook request) {
    ReceivedWebhook recorded = request;
    if (request.verified() && !taken.computeIfAbsent(merchantId, m -> new HashSet<>()).add(request.id())) {
      recorded = new ReceivedWebhook(request.seq(), request.receivedAt(), request.id(), request.type(), true,
          request.answer(), null, true, request.event());
    }
    received.computeIfAbsent(merchantId, m -> new ArrayList<>()).add(recorded);
    return recorded;
  }

  synchronized List<ReceivedWebhook> received(String merchantId) {
    return List.copyOf(received.getOrDefault(merchantId, List.of()));
  }

  synchronized void failNext(String merchantId, int count) {
    failuresArmed.put(merchantId, count);
  }

  /** True (and one fewer armed) when this request is to fail on purpose. */
  synchronized boolean takeArmedFailure(String merchantId) {
    int left = failuresArmed.getOrDefault(merchantId, 0);
    if (left <= 0) {
      return false;
    }
    failuresArmed.put(merchantId, left - 1);
    return true;
  }

  synchronized int failuresArmed(String merchantId) {
    return failuresArmed.getOrDefault(merchantId, 0);
  }

  @Override
  public synchronized void clear() {
    received.clear();
    taken.clear();
    failuresArmed.clear();
    lastSeq = 0;
  }
}
