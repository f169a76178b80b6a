package org.financingorchestrator.api.chargeafter;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.financingorchestrator.api.common.AmountDeserializer;
import org.financingorchestrator.api.common.FlowIds;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A merchant's send-link: the fields of ChargeAfter's omnichannel/send-link, named as its document
 * names them, with the merchant's own pages as redirectOnSuccessURL / redirectOnFailureURL (ChargeAfter
 * is given ours, which forward there). The postback URLs and key are this API's, never the
 * merchant's. merchantOrderId is required here (optional at ChargeAfter): it is the flow's key.
 * Amounts are plain decimals (numbers or strings), in {@code currency} (USD when absent).
 */
public record ChargeAfterSendLinkBody(
    @Schema(example = "e_commerce") @NotNull
        @Pattern(regexp = "call_center|in_store|in_home|e_commerce", message = "must be call_center, in_store, in_home or e_commerce")
        String channel,
    @Schema(example = "checkout") @NotNull @Pattern(regexp = "apply|checkout", message = "must be apply or checkout") String flow,
    @Size(max = 128) String storeId,
    @Pattern(
            regexp = "GenericConsumerDevice|GenericMerchantDevice|SelfServiceTerminal",
            message = "must be GenericConsumerDevice, GenericMerchantDevice or SelfServiceTerminal")
        String posType,
    @Size(max = 128) String posId,
    @Valid ChargeAfterConsumerBody consumerDetails,
    Boolean createCharge,
    @Schema(example = "redirectUrl") @NotNull
        @Pattern(regexp = "email|redirectUrl", message = "must be email or redirectUrl")
        String sendUsing,
    @Valid ChargeAfterCartBody cartDetails,
    @Schema(example = "USD") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
    @Schema(example = "order-1001") @NotNull
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE)
        String merchantOrderId,
    @Size(max = 128) String correlationId,
    @Schema(type = "string", example = "300")
        @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.00", message = "must not be negative")
        BigDecimal requestedLoanAmount,
    @Size(max = 50) Map<String, Object> tags,
    @Schema(example = "https://shop.example/financing/approved") @Size(max = 2048) String redirectOnSuccessURL,
    @Schema(example = "https://shop.example/financing/declined") @Size(max = 2048) String redirectOnFailureURL) {}
