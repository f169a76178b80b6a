package org.financingorchestrator.api.stack;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.financingorchestrator.workflows.common.codec.AesGcmPayloadCodec;

/**
 * A workflow's history and description exactly as the Temporal server keeps them: plain gRPC
 * stubs, no client and no data converter, so nothing is decoded on the way.
 */
public final class RawHistory implements AutoCloseable {

  private final WorkflowServiceStubs stubs;

  private RawHistory(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  public static RawHistory connect(String target) {
    return new RawHistory(
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build()));
  }

  /** Every event of the workflow's current run, every page. */
  public Payloads history(String workflowId) {
    return new Payloads(events(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build()));
  }

  /**
   * How many events each run of the workflow holds, the current run first, back along the chain
   * of runs that continued as new.
   */
  public List<Integer> runLengths(String workflowId) {
    List<Integer> lengths = new ArrayList<>();
    WorkflowExecution run = WorkflowExecution.newBuilder().setWorkflowId(workflowId).build();
    while (true) {
      List<HistoryEvent> events = events(run);
      lengths.add(events.size());
      String previous = events.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        return lengths;
      }
      run = WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(previous).build();
    }
  }

  /** The types of the current run's events, in order ("WORKFLOW_TASK_SCHEDULED", ...): what a request wrote. */
  public List<String> eventTypes(String workflowId) {
    return events(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build()).stream()
        .map(event -> event.getEventType().name().replace("EVENT_TYPE_", ""))
        .toList();
  }

  /** The name of each Update the workflow's current run accepted, in order (repeats attached to one count once). */
  public List<String> acceptedUpdates(String workflowId) {
    return events(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build()).stream()
        .filter(HistoryEvent::hasWorkflowExecutionUpdateAcceptedEventAttributes)
        .map(event -> event.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput().getName())
        .toList();
  }

  private List<HistoryEvent> events(WorkflowExecution run) {
    List<HistoryEvent> events = new ArrayList<>();
    GetWorkflowExecutionHistoryRequest.Builder request =
        GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default").setExecution(run);
    do {
      GetWorkflowExecutionHistoryResponse page = stubs.blockingStub().getWorkflowExecutionHistory(request.build());
      events.addAll(page.getHistory().getEventsList());
      request.setNextPageToken(page.getNextPageToken());
    } while (!request.getNextPageToken().isEmpty());
    return events;
  }

  /** DescribeWorkflowExecution: the memo and search attributes as stored. */
  public Payloads described(String workflowId) {
    return new Payloads(
        List.of(
            stubs
                .blockingStub()
                .describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                        .build())));
  }

  public static boolean isEncrypted(Payload payload) {
    return AesGcmPayloadCodec.isEncrypted(payload);
  }

  /** The codec-server protocol's body: Payloads as protobuf JSON. */
  public static String json(List<Payload> payloads) throws InvalidProtocolBufferException {
    return JsonFormat.printer().print(io.temporal.api.common.v1.Payloads.newBuilder().addAllPayloads(payloads));
  }

  /** The data of every payload in a codec-server answer, as text. */
  public static String dataOf(String json) throws InvalidProtocolBufferException {
    io.temporal.api.common.v1.Payloads.Builder payloads = io.temporal.api.common.v1.Payloads.newBuilder();
    JsonFormat.parser().merge(json, payloads);
    return payloads.getPayloadsList().stream()
        .map(payload -> payload.getData().toString(StandardCharsets.UTF_8))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    stubs.shutdownNow();
  }

  /** The payloads found anywhere in some messages, search attributes apart from the rest. */
  public static final class Payloads {

    private static final String VERSION_MARKER = "Version";
    private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";
    /** A local activity marker's input and result: through the data converter (so the codec), as any. */
    private static final java.util.Set<String> LOCAL_ACTIVITY_CONVERTED = java.util.Set.of("input", "result");

    private final List<Message> messages;
    private final List<Payload> encoded = new ArrayList<>();
    private final List<Payload> searchAttributes = new ArrayList<>();
    private final List<Payload> versionMarkers = new ArrayList<>();

    Payloads(List<? extends Message> messages) {
      this.messages = List.copyOf(messages);
      this.messages.forEach(message -> collect(message, false));
    }

    /** Payloads that went through the data converter (inputs, results, Updates, memo, ...). */
    public List<Payload> encoded() {
      return encoded;
    }

    /** Search attributes' payloads, which the server indexes. */
    public List<Payload> searchAttributes() {
      return searchAttributes;
    }

    /**
     * {@code Workflow.getVersion} markers, and a local activity marker's bookkeeping (its id,
     * type, time and attempt): the SDK writes these with its standard converter, never a codec,
     * so that any worker can replay them; no personal data.
     */
    public List<Payload> versionMarkers() {
      return versionMarkers;
    }

    /** The workflow's input, as its first event carries it. */
    public List<Payload> startInput() {
      return ((HistoryEvent) messages.get(0)).getWorkflowExecutionStartedEventAttributes().getInput().getPayloadsList();
    }

    /** Every byte of the messages as text, to look for what must not be there in clear. */
    public String text() {
      return messages.stream()
          .map(message -> message.toByteString().toString(StandardCharsets.ISO_8859_1))
          .collect(Collectors.joining("\n"));
    }

    private void collect(Message message, boolean inSearchAttributes) {
      if (message instanceof Payload payload) {
        (inSearchAttributes ? searchAttributes : encoded).add(payload);
        return;
      }
      if (message instanceof MarkerRecordedEventAttributes marker && VERSION_MARKER.equals(marker.getMarkerName())) {
        marker.getDetailsMap().values().forEach(details -> versionMarkers.addAll(details.getPayloadsList()));
        return;
      }
      if (message instanceof MarkerRecordedEventAttributes marker && LOCAL_ACTIVITY_MARKER.equals(marker.getMarkerName())) {
        marker.getDetailsMap().forEach((key, details) ->
            (LOCAL_ACTIVITY_CONVERTED.contains(key) ? encoded : versionMarkers).addAll(details.getPayloadsList()));
        if (marker.hasFailure()) {
          collect(marker.getFailure(), false);
        }
        return;
      }
      boolean searchAttributesBelow = inSearchAttributes || message instanceof SearchAttributes;
      message.getAllFields().forEach((field, value) -> {
        if (field.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
          return;
        }
        if (value instanceof List<?> values) {
          values.forEach(element -> collect((Message) element, searchAttributesBelow));
        } else {
          collect((Message) value, searchAttributesBelow);
        }
      });
    }
  }
}
