package org.financingorchestrator.workflows.affirm;

import org.financingorchestrator.workflows.common.Money;

/**
 * The merchant's capture, all of the authorization or less. {@code amount} null captures the
 * whole authorization; the shipping fields are optional.
 */
public record AffirmCapture(Money amount, String orderId, String shippingCarrier, String shippingConfirmation) {}
