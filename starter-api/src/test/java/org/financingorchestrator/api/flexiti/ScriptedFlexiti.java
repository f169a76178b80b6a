package org.financingorchestrator.api.flexiti;

import java.util.List;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.flexiti.FlexitiAccount;
import org.financingorchestrator.workflows.flexiti.FlexitiActivities;
import org.financingorchestrator.workflows.flexiti.FlexitiApplyCall;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomer;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiOffer;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchase;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnCall;
import org.financingorchestrator.workflows.flexiti.FlexitiTerms;
import org.financingorchestrator.workflows.flexiti.FlexitiTransactionCall;
import org.financingorchestrator.workflows.flexiti.FlexitiVerification;
import org.financingorchestrator.workflows.flexiti.FlexitiVerifyCall;

/**
 * Flexiti as the API tests need it: every customer is found and verified by sms; the code 246810
 * is right, any other wrong.
 */
final class ScriptedFlexiti implements FlexitiActivities {

  static final String CODE = "246810";

  @Override
  public List<FlexitiOffer> merchantOffers(String language) {
    return List.of(new FlexitiOffer("5", "Equal Payments, No Interest", List.of(3, 6, 10)));
  }

  @Override
  public FlexitiCustomer lookUp(FlexitiCustomerKey customer, String language) {
    return new FlexitiCustomer("43353", "20035156", cad("5000.00"));
  }

  @Override
  public FlexitiVerification verify(FlexitiVerifyCall call) {
    return new FlexitiVerification(null);
  }

  @Override
  public FlexitiTerms postTransaction(FlexitiTransactionCall call) {
    if (!CODE.equals(call.verificationCode())) {
      throw new ProviderFailure("flexiti", 409, "wrong_verification_code", "wrong_verification_code", null, false)
          .toApplicationFailure(null);
    }
    return new FlexitiTerms("167635", "Equal Payments, No Interest", cad("200.01"), cad("49.99"), cad("3799.94"), cad("5000.00"));
  }

  @Override
  public FlexitiTerms confirmTransaction(FlexitiTransactionCall call) {
    return postTransaction(call);
  }

  @Override
  public boolean isPosted(String customerId, String transactionId) {
    return false;
  }

  @Override
  public String termsAndConditions(String province, String language) {
    return "<div id='tcs'>" + province + "</div>";
  }

  @Override
  public FlexitiAccount apply(FlexitiApplyCall call) {
    boolean quebec = call.applicant().inQuebec();
    return new FlexitiAccount("50001", "210050001", call.amountRequested(), call.amountRequested(),
        quebec ? new java.math.BigDecimal("0.20") : null,
        quebec ? merchantOffers("en") : List.of());
  }

  @Override
  public void closeAccount(String accountNumber) {}

  @Override
  public List<FlexitiPurchase> purchases(String customerId) {
    return List.of(new FlexitiPurchase("167635", "Posted", cad("200.01"), "Equal Payments, No Interest"));
  }

  @Override
  public String postReturn(FlexitiReturnCall call) {
    return "167640";
  }

  private static Money cad(String amount) {
    return Money.of(amount, "CAD");
  }
}
