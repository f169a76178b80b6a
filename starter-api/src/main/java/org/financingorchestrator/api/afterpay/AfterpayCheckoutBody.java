package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.MoneyBody;

/**
 * A merchant's Afterpay checkout: the fields of Afterpay's Create Order, with the merchant's own
 * redirect pages. The merchant reference is required here (optional at Afterpay) because it is
 * the flow's business key. At most {@link #MAX_LINES} items and as many discounts (README,
 * Security: why that number).
 */
public record AfterpayCheckoutBody(
    @Schema(example = "merchantOrder-1234")
        @NotNull
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE)
        String merchantReference,
    @NotNull @Valid MoneyBody totalAmount,
    @NotNull @Valid ConsumerBody consumer,
    @Valid ContactBody billing,
    @Valid ContactBody shipping,
    @Valid CourierBody courier,
    @Size(max = 1024) String description,
    @Size(max = AfterpayCheckoutBody.MAX_LINES) List<@NotNull @Valid ItemBody> items,
    @Size(max = AfterpayCheckoutBody.MAX_LINES) List<@NotNull @Valid DiscountBody> discounts,
    @Valid MoneyBody taxAmount,
    @Valid MoneyBody shippingAmount,
    @NotNull @Valid MerchantRedirectsBody merchant) {

  /**
   * Far above any real basket, and small enough that a checkout of this many lines at their
   * longest stays well inside Temporal's 2 MB payload limit in every payload that carries it.
   */
  public static final int MAX_LINES = 250;
}
