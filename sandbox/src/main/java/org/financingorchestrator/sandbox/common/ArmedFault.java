package org.financingorchestrator.sandbox.common;

/** A fault rule waiting for its calls: {@code remaining} of its {@code count} are left. */
public record ArmedFault(long id, FaultRule rule, int remaining) {}
