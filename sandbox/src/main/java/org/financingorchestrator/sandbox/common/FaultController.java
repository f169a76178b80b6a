package org.financingorchestrator.sandbox.common;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /sandbox/faults: arm, list and clear injected faults. */
@RestController
@ConditionalOnBooleanProperty(SandboxControls.ENABLED)
public class FaultController {

  private final FaultSchedule schedule;
  private final FaultRuleReader reader;
  private final JsonBodies bodies;
  private final SandboxProviders providers;

  public FaultController(FaultSchedule schedule, FaultRuleReader reader, JsonBodies bodies, SandboxProviders providers) {
    this.schedule = schedule;
    this.reader = reader;
    this.bodies = bodies;
    this.providers = providers;
  }

  @PostMapping("/sandbox/faults")
  public ResponseEntity<ArmedFault> arm(@RequestBody(required = false) byte[] body) {
    FaultRule rule = reader.read(bodies.object(body, "bad_request"));
    return ResponseEntity.status(HttpStatus.CREATED).body(schedule.arm(rule));
  }

  @GetMapping("/sandbox/faults")
  public List<ArmedFault> armed() {
    return schedule.armed();
  }

  /** Every operation a fault can target, by provider, sorted: what a fault campaign iterates over. */
  @GetMapping("/sandbox/faults/operations")
  public Map<String, List<String>> operations() {
    Map<String, List<String>> operations = new TreeMap<>();
    providers.names().forEach(name -> operations.put(name, providers.named(name).orElseThrow().operations().stream().sorted().toList()));
    return operations;
  }

  @DeleteMapping("/sandbox/faults")
  public ResponseEntity<Void> disarm(@RequestParam(required = false) String provider) {
    schedule.disarm(provider);
    return ResponseEntity.noContent().build();
  }
}
