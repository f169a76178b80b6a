package org.financingorchestrator.sandbox.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The armed faults, first armed first used. Thread-safe. */
@Component
public class FaultSchedule implements SandboxState {

  private final List<ArmedFault> armed = new ArrayList<>();
  private long lastId;

  public synchronized ArmedFault arm(FaultRule rule) {
    ArmedFault fault = new ArmedFault(++lastId, rule, rule.count());
    armed.add(fault);
    return fault;
  }

  /** Takes one use of the first fault for this operation, if any is armed. */
  public synchronized Optional<FaultRule> claim(String provider, String operation) {
    for (int i = 0; i < armed.size(); i++) {
      ArmedFault fault = armed.get(i);
      if (fault.rule().matches(provider, operation)) {
        if (fault.remaining() <= 1) {
          armed.remove(i);
        } else {
          armed.set(i, new ArmedFault(fault.id(), fault.rule(), fault.remaining() - 1));
        }
        return Optional.of(fault.rule());
      }
    }
    return Optional.empty();
  }

  public synchronized List<ArmedFault> armed() {
    return List.copyOf(armed);
  }

  /** Disarms the faults of one provider, or all when provider is null. */
  public synchronized void disarm(String provider) {
    armed.removeIf(f -> provider == null || f.rule().provider().equals(provider));
  }

  @Override
  public synchronized void clear() {
    armed.clear();
  }
}
