package org.financingorchestrator.benchmark.common;

/**
 * One whole flow as a merchant and a shopper drive it (the merchant's create, the shopper at the
 * provider, the shopper's return), against one system: the stack, the direct baseline or the
 * engine floor. Called from many threads at once; each call is a flow of its own.
 */
public interface FlowScript {

  /** @param reference unique to the call: the merchant's reference of the order */
  FlowOutcome run(String reference) throws Exception;
}
