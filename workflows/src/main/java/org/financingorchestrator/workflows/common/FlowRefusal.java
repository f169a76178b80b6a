package org.financingorchestrator.workflows.common;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Why a flow refused a request without trying it: the vocabulary every provider's validators and
 * handlers speak ({@link FlowRefusedException}) and the API reads back. A validator's exception
 * reaches the caller only as its class name (the failure's type) and its message, so each kind
 * has its own exception class, and this enum owns the mapping from that type back to the kind:
 * the API decides its answer from the kind alone, never from class or Update names.
 */
public enum FlowRefusal {
  /** The request itself is wrong for this flow (an amount over what is left, a currency, ...). */
  INVALID_REQUEST(FlowRefusedException.InvalidRequest.class, "refused"),
  /** Not possible in the flow's state now (not captured yet, after-sale window closed, ...). */
  STATE_CONFLICT(FlowRefusedException.StateConflict.class, "refused"),
  /** The merchant reference already names another order: one reference, one checkout. */
  REFERENCE_IN_USE(FlowRefusedException.ReferenceInUse.class, "refused"),
  /** The merchant reference was used for an operation with other terms (a refund of another amount). */
  REFERENCE_REUSED(FlowRefusedException.ReferenceReused.class, FlowFailure.REFERENCE_REUSED),
  /** A provider token (the shopper's return) that is not this flow's. */
  FOREIGN_TOKEN(FlowRefusedException.ForeignToken.class, "refused"),
  /**
   * The request would change nothing (the same courier details again): refused so that it writes
   * nothing to the flow's history; the API answers it from the flow's state, as a success.
   */
  UNCHANGED(FlowRefusedException.Unchanged.class, "unchanged"),
  /**
   * The flow is finishing the requests in hand before it continues as new (its history grew long):
   * the request is refused without trying, and the API sends it again to the next run.
   */
  CONTINUING(FlowRefusedException.Continuing.class, "continuing");

  /**
   * LEGACY: what workers built before this vocabulary threw from validators. Read only while such
   * workers may still answer (a rolling deploy); they knew no other kinds.
   */
  private static final Map<String, FlowRefusal> LEGACY_TYPES =
      Map.of(
          "java.lang.IllegalArgumentException", INVALID_REQUEST,
          "java.lang.IllegalStateException", STATE_CONFLICT,
          "org.financingorchestrator.workflows.common.ReferenceReusedException", REFERENCE_REUSED);

  private final Class<? extends FlowRefusedException> exceptionType;
  private final String code;

  FlowRefusal(Class<? extends FlowRefusedException> exceptionType, String code) {
    this.exceptionType = exceptionType;
    this.code = code;
  }

  /** The failure type a refusal of this kind reaches the caller with. */
  public String failureType() {
    return exceptionType.getName();
  }

  /** The code the merchant sees for this refusal. */
  public String code() {
    return code;
  }

  /** The refusal a failure's type names; empty when the failure is not a refusal. */
  public static Optional<FlowRefusal> ofFailureType(String type) {
    if (type == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(refusal -> refusal.failureType().equals(type))
        .findFirst()
        .or(() -> Optional.ofNullable(LEGACY_TYPES.get(type)));
  }

  /**
   * The field a refusal's message is about: its first word, by {@link FlowRefusedException}'s
   * convention ({@code "orderToken does not belong to this flow"}); null when the message does
   * not start with a field name.
   */
  public static String fieldOf(String message) {
    if (message == null) {
      return null;
    }
    String first = message.split(" ", 2)[0];
    return first.matches("[a-z][A-Za-z0-9.\\[\\]]*") ? first : null;
  }
}
