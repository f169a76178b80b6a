package org.financingorchestrator.api.chargeafter;

/**
 * The answer to a postback ChargeAfter sent: {@code taken} (the flow has it), {@code unchanged}
 * (a repeat, or one for a flow that had decided: nothing written) or {@code ended} (the flow has
 * finished; ignored). Each is 200: ChargeAfter has nothing to send again.
 */
public record PostbackReceived(String flowId, String received) {

  static final String TAKEN = "taken";
  static final String UNCHANGED = "unchanged";
  static final String ENDED = "ended";
}
