package org.financingorchestrator.workflows.flexiti;

/** An application's fingerprint, sent by a repeated start instead of the applicant's data. */
public final class FlexitiApplicationDigest {

  private FlexitiApplicationDigest() {}

  public static String of(FlexitiApplicationRequest r) {
    String canonical = r.merchantReference() + "\u001f" + r.amountRequested() + "\u001f" + r.applicant() + "\u001f"
        + r.language() + "\u001f" + r.tosAgreement() + "\u001f" + fields(r.applicant());
    return FlexitiPurchaseDigest.sha256(canonical);
  }

  /** Every field of the applicant, in order (the record's toString hides them). */
  private static String fields(FlexitiApplicant a) {
    if (a == null) {
      return "null";
    }
    StringBuilder all = new StringBuilder();
    for (var component : FlexitiApplicant.class.getRecordComponents()) {
      try {
        all.append(component.getAccessor().invoke(a)).append('\u001f');
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return all.toString();
  }
}
