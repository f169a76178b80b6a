package org.financingorchestrator.workflows.common;

/**
 * A flow's refusal of a request, thrown by Update validators (and by handlers where a check must
 * not interleave with another request). One class per {@link FlowRefusal} kind, since a
 * validator's exception reaches the caller as its class name and message only. A refusal about
 * one field starts its message with the field's name ({@link FlowRefusal#fieldOf}), which the API
 * names in its answer's {@code errors}.
 */
public abstract sealed class FlowRefusedException extends RuntimeException {

  private final transient FlowRefusal refusal;

  private FlowRefusedException(FlowRefusal refusal, String message) {
    super(message);
    this.refusal = refusal;
  }

  public FlowRefusal refusal() {
    return refusal;
  }

  /** {@link FlowRefusal#INVALID_REQUEST}: "{field} {problem}". */
  public static final class InvalidRequest extends FlowRefusedException {
    public InvalidRequest(String field, String problem) {
      super(FlowRefusal.INVALID_REQUEST, field + " " + problem);
    }
  }

  /** {@link FlowRefusal#STATE_CONFLICT}: about the flow, so no field. */
  public static final class StateConflict extends FlowRefusedException {
    public StateConflict(String message) {
      super(FlowRefusal.STATE_CONFLICT, message);
    }
  }

  /** {@link FlowRefusal#REFERENCE_IN_USE}, about the reference's field. */
  public static final class ReferenceInUse extends FlowRefusedException {
    public ReferenceInUse(String field, String problem) {
      super(FlowRefusal.REFERENCE_IN_USE, field + " " + problem);
    }
  }

  /** {@link FlowRefusal#REFERENCE_REUSED}, about the reference's field. */
  public static final class ReferenceReused extends FlowRefusedException {
    public ReferenceReused(String field, String problem) {
      super(FlowRefusal.REFERENCE_REUSED, field + " " + problem);
    }
  }

  /** {@link FlowRefusal#FOREIGN_TOKEN}, about the token's field. */
  public static final class ForeignToken extends FlowRefusedException {
    public ForeignToken(String field, String problem) {
      super(FlowRefusal.FOREIGN_TOKEN, field + " " + problem);
    }
  }

  /** {@link FlowRefusal#UNCHANGED}: the flow already has what the request asks for. */
  public static final class Unchanged extends FlowRefusedException {
    public Unchanged(String message) {
      super(FlowRefusal.UNCHANGED, message);
    }
  }

  /** {@link FlowRefusal#CONTINUING}: send the request again; the flow's next run takes it. */
  public static final class Continuing extends FlowRefusedException {
    public Continuing(String message) {
      super(FlowRefusal.CONTINUING, message);
    }
  }
}
