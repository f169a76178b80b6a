package org.financingorchestrator.api.chargeafter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** ChargeAfter's consumerDetails: personal data, passed to ChargeAfter and never logged. */
public record ChargeAfterConsumerBody(
    @Size(max = 255) String firstName,
    @Size(max = 255) String lastName,
    @Email @Size(max = 255) String email,
    @Size(max = 32) String mobilePhoneNumber,
    @Size(max = 128) String merchantConsumerId,
    @Valid ChargeAfterAddressBody shippingAddress,
    @Valid ChargeAfterAddressBody billingAddress) {}
