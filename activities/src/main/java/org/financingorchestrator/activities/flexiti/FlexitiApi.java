package org.financingorchestrator.activities.flexiti;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Flexiti POS API, as its document describes it. The bearer token comes from {@link FlexitiBearer};
 * every non-2xx answer fails with the ApplicationFailure {@link FlexitiErrorDecoder} builds. Build it
 * with {@link FlexitiApiFactory}.
 */
@Headers({"Accept: application/json", "Content-Type: application/json"})
interface FlexitiApi {

  @RequestLine("POST /client-id/{clientId}/merchants/login?lang={lang}")
  FlexitiWire.MerchantLogin login(
      @Param("clientId") String clientId, @Param("lang") String lang, FlexitiWire.MerchantLoginRequest login);

  /** vcc_number, account_number, or first_name, last_name, dob, postal_code; and lang. */
  @RequestLine("GET /client-id/{clientId}/customers/lookup")
  FlexitiWire.Customer lookUp(@Param("clientId") String clientId, @QueryMap Map<String, String> query);

  @RequestLine("POST /client-id/{clientId}/customers/{customerId}/verify?lang={lang}")
  FlexitiWire.Verification verify(
      @Param("clientId") String clientId, @Param("customerId") String customerId, @Param("lang") String lang,
      FlexitiWire.VerifyRequest verify);

  @RequestLine("POST /client-id/{clientId}/transactions?lang={lang}")
  FlexitiWire.Transaction postTransaction(
      @Param("clientId") String clientId, @Param("lang") String lang, FlexitiWire.TransactionRequest transaction);

  /** A return: the same endpoint, transaction_type return. */
  @RequestLine("POST /client-id/{clientId}/transactions?lang={lang}")
  FlexitiWire.ReturnTransaction postReturn(
      @Param("clientId") String clientId, @Param("lang") String lang, FlexitiWire.TransactionRequest transaction);

  @RequestLine("PUT /client-id/{clientId}/transactions?lang={lang}")
  FlexitiWire.Transaction confirmTransaction(
      @Param("clientId") String clientId, @Param("lang") String lang, FlexitiWire.TransactionRequest transaction);

  @RequestLine("GET /client-id/{clientId}/customers/{customerId}/transactions")
  FlexitiWire.CustomerTransactions customerTransactions(
      @Param("clientId") String clientId, @Param("customerId") String customerId);

  /** HTML, not JSON ({@link FlexitiDecoder}). */
  @RequestLine("GET /client-id/{clientId}/terms-and-conditions?province={province}&lang={lang}")
  @Headers("Accept: text/html")
  String termsAndConditions(
      @Param("clientId") String clientId, @Param("province") String province, @Param("lang") String lang);

  @RequestLine("POST /client-id/{clientId}/apply")
  FlexitiWire.Application apply(@Param("clientId") String clientId, FlexitiWire.ApplyRequest application);

  @RequestLine("POST /client-id/{clientId}/customers/close-account")
  void closeAccount(@Param("clientId") String clientId, FlexitiWire.CloseAccountRequest account);
}
