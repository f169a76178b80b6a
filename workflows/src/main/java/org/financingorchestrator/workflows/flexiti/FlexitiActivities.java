package org.financingorchestrator.workflows.flexiti;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Flexiti POS API calls, each with the worker's one bearer token. Each fails with an
 * ApplicationFailure whose type is Flexiti's error code (not_found, user_not_active,
 * wrong_verification_code, ...) and whose details are a ProviderFailure, retryable or not as the
 * client classified it; a success answer that cannot be read fails non-retryable as
 * malformed_response. Activity type names carry the "Flexiti" prefix.
 */
@ActivityInterface(namePrefix = "Flexiti")
public interface FlexitiActivities {

  /** The merchant's offer types in this language, from the merchant login (logged in once per language). */
  @ActivityMethod
  List<FlexitiOffer> merchantOffers(String language);

  /** GET /customers/lookup. 409 not_found, user_not_active, user_not_able_to_purchase are final. */
  @ActivityMethod
  FlexitiCustomer lookUp(FlexitiCustomerKey customer, String language);

  /** POST /customers/{customer_id}/verify. */
  @ActivityMethod
  FlexitiVerification verify(FlexitiVerifyCall call);

  /** POST /transactions with customer_confirmed=false: the terms, nothing posted yet. */
  @ActivityMethod
  FlexitiTerms postTransaction(FlexitiTransactionCall call);

  /** PUT /transactions with the transaction id and customer_confirmed=true: posts it. */
  @ActivityMethod
  FlexitiTerms confirmTransaction(FlexitiTransactionCall call);

  /**
   * GET /customers/{customer_id}/transactions: whether the customer's purchases list this
   * transaction as posted (409 no_returns_found: none are).
   */
  @ActivityMethod
  boolean isPosted(String customerId, String transactionId);

  /** GET /terms-and-conditions for the province (Quebec's own for QC): the HTML the applicant agrees to. */
  @ActivityMethod
  String termsAndConditions(String province, String language);

  /** POST /apply. */
  @ActivityMethod
  FlexitiAccount apply(FlexitiApplyCall call);

  /** POST /customers/close-account: closes an adjudicated Quebec account the applicant did not accept. */
  @ActivityMethod
  void closeAccount(String accountNumber);

  /** GET /customers/{customer_id}/transactions: the customer's purchases; none (409 no_returns_found): empty. */
  @ActivityMethod
  List<FlexitiPurchase> purchases(String customerId);

  /** POST /transactions with transaction_type return against one purchase: the return's transaction id. */
  @ActivityMethod
  String postReturn(FlexitiReturnCall call);
}
