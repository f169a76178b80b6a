package org.financingorchestrator.sandbox.flexiti;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The merchant's form values as merchant login answers them: provinces, security questions, offer types. */
final class FlexitiMerchantForm {

  record Offer(String planId, String planName, String category, List<Integer> termOptions, BigDecimal adminFee) {}

  static final List<Offer> OFFERS =
      List.of(
          new Offer("1", "90 Days Grace, Equal Payments Regular Interest", "equal_billing", List.of(18, 36, 48, 72), new BigDecimal("49.99")),
          new Offer("2", "Equal Payments, Low Interest", "equal_billing", List.of(3, 6, 40, 60), new BigDecimal("49.99")),
          new Offer("4", "Equal Payments, Regular Interest", "equal_billing", List.of(3, 6, 18, 36, 72), new BigDecimal("0.00")),
          new Offer("5", "Equal Payments, No Interest", "equal_billing", List.of(3, 6, 10, 20, 30, 40), new BigDecimal("49.99")),
          new Offer("6", "No Interest, No Payments (S.A.C.)", "deferred_payment", List.of(3, 6, 8), new BigDecimal("29.99")),
          new Offer("7", "No Interest, No Payments ", "deferred_payment", List.of(3, 12), new BigDecimal("29.99")),
          new Offer("9", "No Interest, Minimum monthly payments", "deferred_payment", List.of(3, 6, 9, 12, 18), new BigDecimal("29.99")));

  static final Map<String, String> SECURITY_QUESTIONS =
      Map.of(
          "4", "What is the name of your favourite childhood friend?",
          "5", "What is the country of your ultimate dream vacation?",
          "6", "What was the first concert you attended?",
          "7", "What is the name of the street you grew up on?",
          "8", "What is the name of your first grade teacher?",
          "9", "What is your favourite movie?");

  static final List<String> PROVINCES =
      List.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");

  private FlexitiMerchantForm() {}

  static Optional<Offer> offer(String planId) {
    return OFFERS.stream().filter(o -> o.planId().equals(planId)).findFirst();
  }

  static Map<String, Object> formValues() {
    Map<String, Object> provinces = new LinkedHashMap<>();
    PROVINCES.forEach(p -> provinces.put(p, p));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("province", Map.of("options", provinces));
    values.put("security_qid", Map.of("options", SECURITY_QUESTIONS));
    values.put("offer_types", OFFERS.stream().map(FlexitiMerchantForm::offerType).toList());
    return values;
  }

  /** One offer as Flexiti writes it: plan id a string, term options numbers. */
  static Map<String, Object> offerType(Offer offer) {
    Map<String, Object> type = new LinkedHashMap<>();
    type.put("plan_name", offer.planName());
    type.put("term_options", offer.termOptions());
    type.put("plan_id", offer.planId());
    type.put("offer_category", offer.category());
    return type;
  }
}
