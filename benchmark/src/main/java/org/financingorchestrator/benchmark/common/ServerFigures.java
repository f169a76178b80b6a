package org.financingorchestrator.benchmark.common;

import java.util.List;

/** Everything one server's part of a run measured, as the driver writes it for the report. */
public record ServerFigures(
    String server, String startedAt, String jvm, List<LoadFigures> windows, List<ParkedFigures> parked) {}
