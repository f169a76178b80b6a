package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.filter.v1.WorkflowExecutionFilter;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The app on a random port, with Temporal's in-process test server and the scripted Afterpay
 * workflow behind it. Every test class extending this shares one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=starter-api",
      "spring.profiles.active=test",
      "spring.temporal.test-server.enabled=true",
      "management.server.port=0",
      "codec-server.token=" + ApiTest.CODEC_TOKEN
    })
@Import(ScriptedWorkerConfiguration.class)
public abstract class ApiTest {

  public static final String PROBLEM_JSON = "application/problem+json";
  /** The operators' codec-server token of these tests. */
  public static final String CODEC_TOKEN = "api-test-operator-token";

  @LocalServerPort protected int port;
  @LocalManagementPort protected int managementPort;
  @Autowired protected WorkflowClient client;
  @Autowired protected CallbackSignatures signatures;
  protected Http http;

  @DynamicPropertySource
  static void payloadKey(DynamicPropertyRegistry registry) {
    TestPayloadKey.register(registry);
  }

  @BeforeEach
  void http() {
    http = new Http(port);
  }

  /** A merchant reference no other test uses. */
  protected static String reference(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Runs (open or closed) with this workflow id: proves how many flows a request started. */
  protected List<WorkflowExecutionInfo> runsOf(String workflowId) {
    WorkflowExecutionFilter filter = WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId).build();
    List<WorkflowExecutionInfo> runs = new ArrayList<>();
    runs.addAll(
        service()
            .listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setMaximumPageSize(1000)
                    .setExecutionFilter(filter)
                    .build())
            .getExecutionsList());
    runs.addAll(
        service()
            .listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setMaximumPageSize(1000)
                    .setExecutionFilter(filter)
                    .build())
            .getExecutionsList());
    return runs;
  }

  /** How many runs the namespace holds, open and closed. */
  protected int allRuns() {
    String namespace = client.getOptions().getNamespace();
    // Distinct run ids: a run that closes between the two listings shows in both.
    Set<String> runIds = new HashSet<>();
    service()
        .listOpenWorkflowExecutions(
            ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).setMaximumPageSize(100000).build())
        .getExecutionsList()
        .forEach(run -> runIds.add(run.getExecution().getRunId()));
    service()
        .listClosedWorkflowExecutions(
            ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).setMaximumPageSize(100000).build())
        .getExecutionsList()
        .forEach(run -> runIds.add(run.getExecution().getRunId()));
    return runIds.size();
  }

  /** Afterpay's redirect of the shopper to this flow's callback, signed as the flow's own URL is. */
  protected String callback(String flowId, String action, String token, String status) {
    return "/v1/callbacks/afterpay/" + flowId + "/" + action + "?orderToken=" + token + "&status=" + status
        + "&sig=" + signatures.sign(flowId);
  }

  /** The input an Afterpay flow was started with, as its history holds it. */
  protected AfterpayCheckoutInput startInput(String flowId) {
    HistoryEvent started = client.fetchHistory(flowId).getEvents().get(0);
    assertThat(started.getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    return client
        .getOptions()
        .getDataConverter()
        .fromPayloads(
            0,
            Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
            AfterpayCheckoutInput.class,
            AfterpayCheckoutInput.class);
  }

  private WorkflowServiceGrpc.WorkflowServiceBlockingStub service() {
    return client.getWorkflowServiceStubs().blockingStub();
  }

  /** The answer is a problem document with this status, a title and a detail. */
  protected static JsonNode assertProblem(Http.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith(PROBLEM_JSON);
    JsonNode problem = reply.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
    return problem;
  }

  /** A 400 problem whose errors name this field. */
  protected static JsonNode assertInvalid(Http.Reply reply, String field) {
    JsonNode problem = assertProblem(reply, 400);
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
    assertThat(fields).as(reply.toString()).contains(field);
    problem.path("errors").forEach(error -> assertThat(error.path("message").asString()).isNotBlank());
    return problem;
  }
}
