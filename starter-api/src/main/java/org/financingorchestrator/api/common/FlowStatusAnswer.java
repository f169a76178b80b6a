package org.financingorchestrator.api.common;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * A flow's status as the merchant API answers it: the status's own fields, unchanged and at the
 * top level, and where they come from. The workflow's {@link FlowStatus} stays as the flow
 * records it; where the answer came from is the API's business.
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

  public static FlowStatusAnswer fromWorkflow(FlowStatus status) {
    return new FlowStatusAnswer(status, Source.WORKFLOW);
  }

  public static FlowStatusAnswer lastRecorded(FlowStatus status) {
    return new FlowStatusAnswer(status, Source.LAST_RECORDED);
  }
}
