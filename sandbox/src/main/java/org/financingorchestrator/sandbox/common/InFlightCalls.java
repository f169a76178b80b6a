package org.financingorchestrator.sandbox.common;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The merchant's calls the simulated providers are answering right now, by the Host the caller
 * named: a crash test kills the worker that has a call in flight, so that the kill lands in the
 * middle of a provider call (each worker names the sandbox by a host of its own).
 */
@Component
public class InFlightCalls {

  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();
  private final ConcurrentHashMap<Long, Call> calls = new ConcurrentHashMap<>();

  public InFlightCalls(Clock clock) {
    this.clock = clock;
  }

  /** One call being answered: who called (the Host it named), what, and since when. */
  public record Call(long id, String host, String method, String path, Instant since) {}

  public Call begin(String host, String method, String path) {
    Call call = new Call(ids.incrementAndGet(), host, method, path, clock.instant());
    calls.put(call.id(), call);
    return call;
  }

  public void end(Call call) {
    calls.remove(call.id());
  }

  /** Oldest first. */
  public List<Call> now() {
    return calls.values().stream().sorted(Comparator.comparingLong(Call::id)).toList();
  }
}
