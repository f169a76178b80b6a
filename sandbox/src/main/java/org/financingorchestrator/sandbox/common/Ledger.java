package org.financingorchestrator.sandbox.common;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every effect of every simulated provider, in the order they happened. Thread-safe. */
@Component
public class Ledger implements SandboxState {

  private static final Logger log = LoggerFactory.getLogger(Ledger.class);

  private final Clock clock;
  private final List<LedgerEntry> entries = new ArrayList<>();
  private long lastSeq;

  public Ledger(Clock clock) {
    this.clock = clock;
  }

  public synchronized LedgerEntry append(LedgerEvent event) {
    LedgerEntry entry = event.toEntry(++lastSeq, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    entries.add(entry);
    // Entries hold ids and amounts only, so they are safe to log.
    log.info(
        "ledger #{} {} {} {}", entry.seq(), entry.provider(), entry.type(), entry.references());
    return entry;
  }

  /** Entries for provider (all when null) that refer to reference (all when null). */
  public synchronized List<LedgerEntry> entries(String provider, String reference) {
    return entries.stream()
        .filter(e -> provider == null || e.provider().equals(provider))
        .filter(e -> reference == null || e.refersTo(reference))
        .toList();
  }

  @Override
  public synchronized void clear() {
    entries.clear();
    lastSeq = 0;
  }
}
