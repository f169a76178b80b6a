package org.financingorchestrator.worker.afterpay;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code providers.afterpay.*}: where Afterpay is and the merchant's credentials
 * (PROVIDERS_AFTERPAY_BASE_URL, PROVIDERS_AFTERPAY_MERCHANT_ID, PROVIDERS_AFTERPAY_SECRET_KEY).
 */
@Validated
@ConfigurationProperties("providers.afterpay")
public record AfterpayProviderProperties(
    @NotNull URI baseUrl, @NotBlank String merchantId, @NotBlank String secretKey) {

  @Override
  public String toString() {
    return "AfterpayProviderProperties[baseUrl=" + baseUrl + ", merchantId=" + merchantId + ", secretKey=****]";
  }
}
