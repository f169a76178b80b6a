package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.MoneyBody;

/** A return at the till: the customer (as for a purchase), which purchase, how much of it. */
public record FlexitiReturnBody(
    @Schema(example = "return-0001") @NotNull
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE) String merchantReference,
    @NotNull @Valid FlexitiPurchaseBody.Customer customer,
    @Schema(example = "167635") @NotNull @Pattern(regexp = "[0-9]{1,20}", message = "must be a Flexiti transaction id") String transactionId,
    @NotNull @Valid MoneyBody amount,
    @Pattern(regexp = "en|fr", message = "must be en or fr") String language) {}
