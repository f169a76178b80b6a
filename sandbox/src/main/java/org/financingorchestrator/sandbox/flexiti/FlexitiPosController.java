package org.financingorchestrator.sandbox.flexiti;

import java.util.List;
import java.util.Map;
import org.financingorchestrator.sandbox.common.FaultInjector;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Flexiti's POS API under /client-id/{client_id}; the bearer token is checked by {@link FlexitiBearerGuard}. */
@RestController
@RequestMapping(Flexiti.PATH_PREFIX + "/client-id/{clientId}")
class FlexitiPosController {

  private final FlexitiAccounts accounts;
  private final FlexitiProperties properties;
  private final FaultInjector faults;

  FlexitiPosController(FlexitiAccounts accounts, FlexitiProperties properties, FaultInjector faults) {
    this.accounts = accounts;
    this.properties = properties;
    this.faults = faults;
  }

  @PostMapping("/merchants/login")
  Map<String, Object> login(@RequestBody(required = false) Map<String, Object> body,
      @RequestParam(required = false) String lang) {
    return faults.around(Flexiti.PROVIDER, Flexiti.LOGIN, () -> {
      if (body == null || !properties.merchantUsername().equals(body.get("merchant_username"))
          || !properties.merchantPassword().equals(body.get("merchant_password"))) {
        throw new SandboxApiException(401, "invalid_merchant", "Merchant credentials are invalid");
      }
      return Map.of("merchant_name", "Sandbox Furniture", "merchant_id", "382", "form_values", FlexitiMerchantForm.formValues());
    });
  }

  @GetMapping(value = "/terms-and-conditions", produces = MediaType.TEXT_HTML_VALUE)
  String termsAndConditions(@RequestParam(required = false) String province, @RequestParam(required = false) String lang) {
    return "QC".equals(province)
        ? "<div id='tcs'>Flexiti terms and conditions for Quebec residents (QCPA).</div>"
        : "<div id='tcs'>Flexiti terms and conditions for the rest of Canada.</div>";
  }

  @PostMapping("/apply")
  Map<String, Object> apply(@RequestBody Map<String, Object> body) {
    return faults.around(Flexiti.PROVIDER, Flexiti.APPLY, () -> accounts.apply(body));
  }

  @GetMapping("/customers/lookup")
  Map<String, Object> lookUp(@RequestParam Map<String, String> query) {
    return faults.around(Flexiti.PROVIDER, Flexiti.LOOKUP, () -> accounts.lookUp(query));
  }

  @PostMapping("/customers/{customerId}/verify")
  Map<String, Object> verify(@PathVariable String customerId, @RequestBody Map<String, Object> body) {
    return faults.around(Flexiti.PROVIDER, Flexiti.VERIFY, () -> accounts.verify(customerId, body));
  }

  @GetMapping("/customers/{customerId}/transactions")
  Map<String, Object> customerTransactions(@PathVariable String customerId) {
    List<Map<String, Object>> purchases =
        faults.around(Flexiti.PROVIDER, Flexiti.CUSTOMER_TRANSACTIONS, () -> accounts.purchases(customerId));
    return Map.of("transactions", purchases);
  }

  @PostMapping("/customers/close-account")
  Map<String, Object> closeAccount(@RequestBody Map<String, Object> body) {
    return faults.around(Flexiti.PROVIDER, Flexiti.CLOSE_ACCOUNT, () -> accounts.closeAccount(body));
  }

  @PostMapping("/transactions")
  Map<String, Object> post(@RequestBody Map<String, Object> body) {
    return faults.around(Flexiti.PROVIDER, Flexiti.POST_TRANSACTION, () -> accounts.post(FlexitiTransactionBody.read(body)));
  }

  @PutMapping("/transactions")
  Map<String, Object> confirm(@RequestBody Map<String, Object> body) {
    return faults.around(Flexiti.PROVIDER, Flexiti.CONFIRM_TRANSACTION, () -> accounts.confirm(FlexitiTransactionBody.read(body)));
  }
}
