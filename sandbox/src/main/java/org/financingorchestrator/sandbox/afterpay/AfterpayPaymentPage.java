package org.financingorchestrator.sandbox.afterpay;

import java.util.List;

/** The document's pagination envelope around List Payments' results. */
public record AfterpayPaymentPage(
    int totalResults, int offset, int limit, List<AfterpayPayment> results) {}
