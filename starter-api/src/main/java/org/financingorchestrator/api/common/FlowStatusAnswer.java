package org.financingorchestrator.api.common;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * A flow's status as the merchant API answers it: the status's own fields, unchanged and at the
 * top level, and where they come from. The workflow's {@link FlowStatus} stays as the flow
 * records it; where the answer came from is the API's business, and so is what the merchant may
 * see of it ({@link #forMerchant}).
 */
public record FlowStatusAnswer(
    @JsonUnwrapped FlowStatus status,
    @Schema(
            description =
                "workflow: the flow answered just now. last-recorded: the flow did not answer in "
                    + "time (no worker runs it now); this is what it recorded at its last state "
                    + "change, with only that step.")
        Source source) {

  public enum Source {
    WORKFLOW("workflow"),
    LAST_RECORDED("last-recorded");

    private final String json;

    Source(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }
  }

  /**
   * Provider ids the flow keeps for itself: Afterpay's order token is what its callbacks carry,
   * so it is never handed out after the checkout's own answer.
   */
  static final Set<String> FLOW_ONLY_PROVIDER_IDS = Set.of("token");

  /** The answer as a merchant sees it: without {@link #FLOW_ONLY_PROVIDER_IDS}. */
  public FlowStatusAnswer forMerchant() {
    return new FlowStatusAnswer(merchantFacing(status), source);
  }

  public static FlowStatus merchantFacing(FlowStatus s) {
    Map<String, String> ids = new LinkedHashMap<>(s.providerIds() == null ? Map.of() : s.providerIds());
    ids.keySet().removeAll(FLOW_ONLY_PROVIDER_IDS);
    return new FlowStatus(
        s.flowId(), s.provider(), s.merchantId(), s.merchantReference(), s.state(), s.orderAmount(),
        s.capturedAmount(), s.refundedAmount(), Map.copyOf(ids), s.refunds(), s.failure(), s.steps(), s.pending());
  }

  public static FlowStatusAnswer fromWorkflow(FlowStatus status) {
    return new FlowStatusAnswer(status, Source.WORKFLOW);
  }

  public static FlowStatusAnswer lastRecorded(FlowStatus status) {
    return new FlowStatusAnswer(status, Source.LAST_RECORDED);
  }
}
