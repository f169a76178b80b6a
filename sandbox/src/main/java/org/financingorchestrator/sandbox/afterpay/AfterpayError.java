package org.financingorchestrator.sandbox.afterpay;

/** Afterpay's error body. */
public record AfterpayError(String errorCode, String errorId, String message, int httpStatusCode) {}
