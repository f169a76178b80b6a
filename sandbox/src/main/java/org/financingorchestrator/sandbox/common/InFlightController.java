package org.financingorchestrator.sandbox.common;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /sandbox/in-flight: the merchant calls being answered now, oldest first. */
@RestController
@ConditionalOnBooleanProperty(SandboxControls.ENABLED)
class InFlightController {

  private final InFlightCalls inFlight;

  InFlightController(InFlightCalls inFlight) {
    this.inFlight = inFlight;
  }

  @GetMapping("/sandbox/in-flight")
  List<InFlightCalls.Call> inFlight() {
    return inFlight.now();
  }
}
