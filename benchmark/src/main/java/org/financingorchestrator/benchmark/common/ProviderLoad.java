package org.financingorchestrator.benchmark.common;

/**
 * One provider's part of the benchmark: its flow as merchants and shoppers drive the stack, and
 * the same flow against the direct baseline (the same provider calls, the same clients, no
 * Temporal). Each provider's package has one, next to its direct baseline's controller.
 */
public interface ProviderLoad {

  /** The provider's name, as in the API's paths and the packages ({@code afterpay}). */
  String provider();

  /** The flow through starter-api (and the worker, and Temporal). */
  FlowScript stack(Endpoints endpoints);

  /** The same flow through the direct baseline. */
  FlowScript direct(Endpoints endpoints);

  /** Where the driver finds each system, and the merchant's API key. */
  record Endpoints(Http http, String api, String authorization, String sandbox, String direct) {}
}
