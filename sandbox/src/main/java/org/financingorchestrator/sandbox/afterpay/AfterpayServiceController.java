package org.financingorchestrator.sandbox.afterpay;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ping and Get Configuration. */
@RestController
@RequestMapping(Afterpay.PATH_PREFIX)
class AfterpayServiceController {

  private final AfterpayProperties properties;
  private final AfterpayFaults faults;

  AfterpayServiceController(AfterpayProperties properties, AfterpayFaults faults) {
    this.properties = properties;
    this.faults = faults;
  }

  /** Needs no credentials, like the real /ping. */
  @GetMapping("/ping")
  ResponseEntity<Void> ping() {
    return ResponseEntity.ok().build();
  }

  @GetMapping("/v1/configuration")
  ResponseEntity<List<AfterpayConfigurationEntry>> configuration() {
    List<AfterpayConfigurationEntry> body =
        faults.around(
            AfterpayOperation.CONFIGURATION,
            () ->
                List.of(
                    new AfterpayConfigurationEntry(
                        AfterpayOrder.PAY_BY_INSTALLMENT,
                        "Pay over time",
                        AfterpayMoney.usd(properties.minimumAmount()),
                        AfterpayMoney.usd(properties.maximumAmount()))));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(properties.configurationMaxAge()))
        .body(body);
  }
}
