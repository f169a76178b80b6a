package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.MoneyBody;

/**
 * A merchant's Affirm checkout: the order as Affirm's checkout object carries it (order id,
 * total, items, billing, shipping, discounts, tax and shipping amounts) and the merchant's own
 * pages. The order id is the flow's business key. At most {@link #MAX_LINES} items and discounts.
 */
public record AffirmCheckoutBody(
    @Schema(example = "JKLM4321")
        @NotNull
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE)
        String orderId,
    @NotNull @Valid MoneyBody total,
    @Size(max = AffirmCheckoutBody.MAX_LINES) List<@NotNull @Valid AffirmItemBody> items,
    @Valid AffirmContactBody billing,
    @Valid AffirmContactBody shipping,
    @Size(max = AffirmCheckoutBody.MAX_LINES) List<@NotNull @Valid AffirmDiscountBody> discounts,
    @Valid MoneyBody taxAmount,
    @Valid MoneyBody shippingAmount,
    @NotNull @Valid AffirmMerchantBody merchant) {

  /** As for every provider (README, Security: why 250). */
  public static final int MAX_LINES = 250;
}
