package org.financingorchestrator.sandbox.common;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /sandbox/ledger: what the simulated providers did, for tests and people to check. */
@RestController
@ConditionalOnBooleanProperty(SandboxControls.ENABLED)
public class LedgerController {

  private final Ledger ledger;

  public LedgerController(Ledger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/sandbox/ledger")
  public List<LedgerEntry> ledger(
      @RequestParam(required = false) String provider,
      @RequestParam(required = false) String reference) {
    return ledger.entries(provider, reference);
  }
}
