package org.financingorchestrator.workflows.flexiti;

import java.util.List;

/** One of the merchant's offer types (merchant login's form_values): a plan and its terms in months. */
public record FlexitiOffer(String planId, String planName, List<Integer> termOptions) {

  public FlexitiOffer {
    termOptions = termOptions == null ? List.of() : List.copyOf(termOptions);
  }
}
