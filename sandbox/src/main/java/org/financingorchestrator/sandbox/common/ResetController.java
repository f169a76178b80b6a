package org.financingorchestrator.sandbox.common;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /sandbox/reset: forgets the state of every provider, the ledger and armed faults. */
@RestController
@ConditionalOnBooleanProperty(SandboxControls.ENABLED)
public class ResetController {

  private final List<SandboxState> states;

  public ResetController(List<SandboxState> states) {
    this.states = states;
  }

  @PostMapping("/sandbox/reset")
  public ResponseEntity<Void> reset() {
    states.forEach(SandboxState::clear);
    return ResponseEntity.noContent().build();
  }
}
