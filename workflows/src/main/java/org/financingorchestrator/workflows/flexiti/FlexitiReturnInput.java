package org.financingorchestrator.workflows.flexiti;

/** What a return flow starts with. */
public record FlexitiReturnInput(FlexitiReturnRequest request, String merchantId) {}
