package org.financingorchestrator.workflows.common;

/**
 * A flow's refusal of a request, thrown by Update validators (and by handlers where a check must
 * not interleave with another request). One class per {@link FlowRefusal} kind, since a
 * validator's exception reaches the caller as its class name and message only. A refusal about
 * one field starts its message with the field's name ({@link FlowRefusal#fieldOf}), which the API
 * names in its answer's {@code errors}.
 */
public abstract sealed class FlowRefusedException extends RuntimeException {

  private FlowRefusedException(String message) {
    super(message);
  }

  public abstract FlowRefusal refusal();

  public static final class InvalidRequest extends FlowRefusedException {
    public InvalidRequest(String field, String problem) {
      super(field + " " + problem);
    }

    @Override
    public FlowRefusal refusal() {
      return FlowRefusal.INVALID_REQUEST;
    }
  }

  public static final class StateConflict extends FlowRefusedException {
    public StateConflict(String message) {
      super(message);
    }

    @Override
    public FlowRefusal refusal() {
      return FlowRefusal.STATE_CONFLICT;
    }
  }

  public static final class ReferenceInUse extends FlowRefusedException {
    public ReferenceInUse(String field, String problem) {
      super(field + " " + problem);
    }

    @Override
    public FlowRefusal refusal() {
      return FlowRefusal.REFERENCE_IN_USE;
    }
  }

  public static final class ReferenceReused extends FlowRefusedException {
    public ReferenceReused(String field, String problem) {
      super(field + " " + problem);
    }

    @Override
    public FlowRefusal refusal() {
      return FlowRefusal.REFERENCE_REUSED;
    }
  }

  public static final class ForeignToken extends FlowRefusedException {
    public ForeignToken(String field, String problem) {
      super(field + " " + problem);
    }

    @Override
    public FlowRefusal refusal() {
      return FlowRefusal.FOREIGN_TOKEN;
    }
  }
}
