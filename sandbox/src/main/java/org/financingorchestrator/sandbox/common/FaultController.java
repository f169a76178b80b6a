package org.financingorchestrator.sandbox.common;

import java.util.List;
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

  public FaultController(FaultSchedule schedule, FaultRuleReader reader, JsonBodies bodies) {
    this.schedule = schedule;
    this.reader = reader;
    this.bodies = bodies;
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

  @DeleteMapping("/sandbox/faults")
  public ResponseEntity<Void> disarm(@RequestParam(required = false) String provider) {
    schedule.disarm(provider);
    return ResponseEntity.noContent().build();
  }
}
