package org.financingorchestrator.sandbox.chargeafter;

/** How the scripted consumer step delivers its postbacks: to try a flow's duplicate, late and lost paths. */
enum ChargeAfterDelivery {
  ONCE,
  TWICE,
  LATE,
  NEVER;

  static ChargeAfterDelivery parse(String value) {
    if (value == null || value.isBlank()) {
      return ONCE;
    }
    for (ChargeAfterDelivery delivery : values()) {
      if (delivery.name().equalsIgnoreCase(value)) {
        return delivery;
      }
    }
    throw new org.financingorchestrator.sandbox.common.SandboxApiException(
        400, "INVALID_REQUEST", "postback must be once, twice, late or never");
  }
}
