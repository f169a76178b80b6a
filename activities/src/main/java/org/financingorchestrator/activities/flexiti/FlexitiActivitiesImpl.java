package org.financingorchestrator.activities.flexiti;

import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.InFlightHeartbeat;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.flexiti.FlexitiAccount;
import org.financingorchestrator.workflows.flexiti.FlexitiActivities;
import org.financingorchestrator.workflows.flexiti.FlexitiApplyCall;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomer;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiOffer;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchase;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnCall;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.financingorchestrator.workflows.flexiti.FlexitiTerms;
import org.financingorchestrator.workflows.flexiti.FlexitiTimeouts;
import org.financingorchestrator.workflows.flexiti.FlexitiTransactionCall;
import org.financingorchestrator.workflows.flexiti.FlexitiVerification;
import org.financingorchestrator.workflows.flexiti.FlexitiVerifyCall;

/**
 * The Flexiti activities over {@link FlexitiApi}, sharing one bearer token. Failures arrive
 * classified by the client and pass through untouched; a success answer that cannot be read or
 * lacks what the flow needs fails as malformed_response. Logs nothing: the calls carry personal data.
 */
public final class FlexitiActivitiesImpl implements FlexitiActivities {

  static final String NO_RETURNS_FOUND = "no_returns_found";

  private final FlexitiApi api;
  private final FlexitiClientSettings settings;
  private final FlexitiMerchantLogins logins;

  FlexitiActivitiesImpl(FlexitiApi api, FlexitiClientSettings settings) {
    this.api = api;
    this.settings = settings;
    this.logins = new FlexitiMerchantLogins(api, settings);
  }

  public static FlexitiActivitiesImpl create(FlexitiClientSettings settings, MeterRegistry meterRegistry) {
    return new FlexitiActivitiesImpl(
        FlexitiApiFactory.create(settings, meterRegistry, FlexitiTimeouts.DEFAULT, Clock.systemUTC()).api(), settings);
  }

  @Override
  public List<FlexitiOffer> merchantOffers(String language) {
    return read(() -> FlexitiWireMapper.offers(logins.get(language)));
  }

  @Override
  public FlexitiCustomer lookUp(FlexitiCustomerKey customer, String language) {
    return read(() -> FlexitiWireMapper.customer(api.lookUp(settings.clientId(), FlexitiWireMapper.lookUpQuery(customer, language))));
  }

  @Override
  public FlexitiVerification verify(FlexitiVerifyCall call) {
    FlexitiWire.VerifyRequest request =
        new FlexitiWire.VerifyRequest(call.format().wireName(), call.securityQid(), call.securityAnswer());
    return read(() -> FlexitiWireMapper.verification(api.verify(settings.clientId(), call.customerId(), call.language(), request)));
  }

  @Override
  public FlexitiTerms postTransaction(FlexitiTransactionCall call) {
    return read(() -> FlexitiWireMapper.terms(api.postTransaction(settings.clientId(), call.language(), FlexitiWireMapper.transaction(call))));
  }

  @Override
  public FlexitiTerms confirmTransaction(FlexitiTransactionCall call) {
    if (!call.customerConfirmed()) {
      throw ApplicationFailure.newNonRetryableFailure("confirming needs the posted transaction's id", "missing_transaction_id");
    }
    return read(() -> FlexitiWireMapper.terms(api.confirmTransaction(settings.clientId(), call.language(), FlexitiWireMapper.transaction(call))));
  }

  @Override
  public boolean isPosted(String customerId, String transactionId) {
    return purchases(customerId).stream()
        .anyMatch(p -> p.transactionId().equals(transactionId) && "Posted".equalsIgnoreCase(p.status()));
  }

  @Override
  public List<FlexitiPurchase> purchases(String customerId) {
    try {
      return read(() -> FlexitiWireMapper.purchases(api.customerTransactions(settings.clientId(), customerId)));
    } catch (ApplicationFailure failure) {
      // Flexiti answers "no purchases" with 409 no_returns_found.
      if (ProviderFailure.from(failure).map(f -> NO_RETURNS_FOUND.equals(f.code())).orElse(false)) {
        return List.of();
      }
      throw failure;
    }
  }

  @Override
  public String postReturn(FlexitiReturnCall call) {
    return read(() -> MalformedAnswers.require(
        api.postReturn(settings.clientId(), call.language(), FlexitiWireMapper.returnRequest(call)).transactionId(), "transaction_id"));
  }

  @Override
  public String termsAndConditions(String province, String language) {
    return read(() -> MalformedAnswers.require(api.termsAndConditions(settings.clientId(), province, language), "terms and conditions"));
  }

  @Override
  public FlexitiAccount apply(FlexitiApplyCall call) {
    return read(() -> FlexitiWireMapper.account(api.apply(settings.clientId(), FlexitiWireMapper.apply(call))));
  }

  @Override
  public void closeAccount(String accountNumber) {
    InFlightHeartbeat.during(() -> {
      api.closeAccount(settings.clientId(), new FlexitiWire.CloseAccountRequest(accountNumber));
      return null;
    });
  }

  private static <T> T read(Supplier<T> callAndMap) {
    return InFlightHeartbeat.during(() -> MalformedAnswers.read(FlexitiPurchaseWorkflow.PROVIDER, callAndMap));
  }
}
