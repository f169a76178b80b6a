package org.financingorchestrator.activities.common;

/** A provider's error answer reduced to what a {@code ProviderFailure} keeps; any field may be null. */
public record ProviderErrorBody(String code, String message, String errorId) {}
