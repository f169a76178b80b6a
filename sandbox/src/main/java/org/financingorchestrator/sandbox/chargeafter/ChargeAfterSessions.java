package org.financingorchestrator.sandbox.chargeafter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.financingorchestrator.sandbox.common.SandboxState;
import org.springframework.stereotype.Component;

/** The send-link sessions by statusTrackingId. */
@Component
class ChargeAfterSessions implements SandboxState {

  private final Map<String, ChargeAfterSession> sessions = new ConcurrentHashMap<>();

  void add(ChargeAfterSession session) {
    sessions.put(session.statusTrackingId, session);
  }

  Optional<ChargeAfterSession> find(String statusTrackingId) {
    return Optional.ofNullable(statusTrackingId == null ? null : sessions.get(statusTrackingId));
  }

  ChargeAfterSession get(String statusTrackingId) {
    return find(statusTrackingId)
        .orElseThrow(() -> new SandboxApiException(404, "NOT_FOUND", "No send-link session with this statusTrackingId"));
  }

  @Override
  public void clear() {
    sessions.clear();
  }
}
