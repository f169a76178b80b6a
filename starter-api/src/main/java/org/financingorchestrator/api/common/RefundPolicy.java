package org.financingorchestrator.api.common;

import java.time.Duration;
import java.util.List;

/**
 * What a provider adds to the common refund endpoint: its own checks of the body (a currency it
 * alone accepts, say), answered 400 before any flow is asked, and how long a refund waits for
 * its flow. One bean per provider, in its own package.
 */
public interface RefundPolicy {

  /** The provider's name, the prefix of its flow ids. */
  String provider();

  List<FieldProblem> check(RefundBody body);

  /** How long a refund request waits for the flow's answer before answering 202. */
  Duration operationWait();
}
