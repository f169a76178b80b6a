package org.financingorchestrator.workflows.common;

import java.time.Instant;

/** One thing a flow did, with the workflow time it happened; shown to merchants in order. */
public record FlowStep(String name, Instant at, String detail) {}
