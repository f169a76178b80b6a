package org.financingorchestrator.api.common;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowQueryRejectedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where failures become answers: every 4xx and 5xx is a problem+json document, bad
 * input names its fields, and Temporal's exceptions map to what they mean for the caller (unknown
 * flow 404, refused 409/422, provider failure 422/502, Temporal unreachable 503, no answer in
 * time 504). Request bodies are never logged: they carry personal data.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  static final String ERRORS = "errors";
  /** How Tomcat names a parameter it could not decode; only plain names are repeated. */
  private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([A-Za-z][A-Za-z0-9_-]{0,63})\\]");
  /** Seconds a caller should wait before repeating a request Temporal could not take. */
  static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
    return badRequest(e.problems());
  }

  @ExceptionHandler(FlowNotFoundException.class)
  ResponseEntity<ProblemDetail> notThisMerchantsFlow(FlowNotFoundException e) {
    return flowNotFound(e.flowId());
  }

  @ExceptionHandler(ShuttingDownException.class)
  ResponseEntity<ProblemDetail> shuttingDown(ShuttingDownException e) {
    log.info(e.getMessage());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Restarting",
            "This instance is shutting down; repeat the same request, which attaches to the same flow.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
  }

  @ExceptionHandler(FlowStateConflictException.class)
  ResponseEntity<ProblemDetail> notInThisState(FlowStateConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible in the flow's state", e.getMessage());
    problem.setProperty("flowId", e.flowId());
    return answer(problem);
  }

  @ExceptionHandler(FlowClosedException.class)
  ResponseEntity<ProblemDetail> flowClosed(FlowClosedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.CONFLICT,
            "Flow finished",
            "The flow has finished in state " + e.status().state() + " and takes no more requests.");
    problem.setProperty("flowId", e.status().flowId());
    problem.setProperty("state", e.status().state());
    problem.setProperty("flow", FlowStatusAnswer.merchantFacing(e.status()));
    return answer(problem);
  }

  /** Temporal's client exceptions, which often wrap the one that says what happened. */
  @ExceptionHandler(WorkflowException.class)
  ResponseEntity<ProblemDetail> workflowException(WorkflowException e) {
    if (e instanceof WorkflowUpdateException update) {
      return updateFailed(update);
    }
    if (e instanceof WorkflowNotFoundException) {
      return flowNotFound(e.getExecution().getWorkflowId());
    }
    if (e instanceof WorkflowExecutionAlreadyStarted) {
      return answer(problem(HttpStatus.CONFLICT, "Flow exists", "A flow with this id exists already."));
    }
    WorkflowUpdateTimeoutOrCancelledException timeout =
        causeOf(e, WorkflowUpdateTimeoutOrCancelledException.class);
    if (timeout != null) {
      return noAnswerInTime(e.getExecution().getWorkflowId());
    }
    StatusRuntimeException grpc = causeOf(e, StatusRuntimeException.class);
    if (grpc != null) {
      return temporalStatus(grpc, e.getExecution().getWorkflowId());
    }
    if (e instanceof WorkflowQueryException || e instanceof WorkflowQueryRejectedException) {
      log.warn("Flow {} could not answer its status query: {}", e.getExecution().getWorkflowId(), e.toString());
      return answer(
          problem(HttpStatus.BAD_GATEWAY, "Flow did not answer", "The flow could not answer its status query."));
    }
    log.error("Unexpected Temporal failure for flow {}", e.getExecution().getWorkflowId(), e);
    return answer(problem(HttpStatus.BAD_GATEWAY, "Temporal failure", "Temporal could not carry out the request."));
  }

  @ExceptionHandler(StatusRuntimeException.class)
  ResponseEntity<ProblemDetail> grpcStatus(StatusRuntimeException e) {
    return temporalStatus(e, null);
  }

  /**
   * A query string Tomcat could not decode (not UTF-8, such as a lone surrogate's bytes): the
   * caller's mistake, named by its parameter when Tomcat's message says which.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
    Matcher named = PARAMETER_NAME.matcher(String.valueOf(e.getMessage()));
    String field = named.find() ? named.group(1) : "query";
    return badRequest(List.of(new FieldProblem(field, "must be percent-encoded UTF-8 text")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return answer(
        problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed unexpectedly."));
  }

  // Spring MVC's own exceptions, overridden where the caller needs to know which field.

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    JacksonException json = causeOf(e, JacksonException.class);
    FieldProblem field =
        json != null ? JsonProblems.of(json) : new FieldProblem("$", "a readable JSON body is required");
    return withHeaders(badRequest(List.of(field)), headers);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Class<?> type = e.getRequiredType();
    String expected =
        type != null && type.isEnum()
            ? "must be one of " + Arrays.toString(type.getEnumConstants())
            : "has the wrong type";
    String name = e.getPropertyName() == null ? "$" : e.getPropertyName();
    return withHeaders(badRequest(List.of(new FieldProblem(name, expected))), headers);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return withHeaders(
        badRequest(List.of(new FieldProblem(e.getParameterName(), "is required"))), headers);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
            .toList();
    return withHeaders(badRequest(problems), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    String.valueOf(error.getDefaultMessage()))))
            .toList();
    return withHeaders(badRequest(problems), headers);
  }

  // Temporal outcomes

  private ResponseEntity<ProblemDetail> updateFailed(WorkflowUpdateException e) {
    String flowId = e.getExecution().getWorkflowId();
    String update = e.GetUpdateName();
    UpdateFailure failure = UpdateFailure.of(e.getCause());
    if (failure.isRefusal()) {
      return refused(flowId, update, failure);
    }
    FlowFailure flowFailure = failure.failure();
    HttpStatus status = failure.providerUnavailable() ? HttpStatus.BAD_GATEWAY : HttpStatus.UNPROCESSABLE_CONTENT;
    log.info("Flow {} failed update {}: {} {}", flowId, update, flowFailure.source(), flowFailure.code());
    ProblemDetail problem =
        problem(status, titleOf(failure), flowFailure.message());
    problem.setProperty("flowId", flowId);
    problem.setProperty("code", flowFailure.code());
    problem.setProperty("source", flowFailure.source());
    if (flowFailure.httpStatus() != null) {
      problem.setProperty("providerHttpStatus", flowFailure.httpStatus());
    }
    if (flowFailure.errorId() != null) {
      problem.setProperty("errorId", flowFailure.errorId());
    }
    return answer(problem);
  }

  /**
   * A flow's refusal, by its kind alone: a merchant reference in use or reused conflicts (409,
   * naming the field); "not now" conflicts with the flow's state (409); a token that is not the
   * flow's is a bad request (400, naming the field); anything else is unacceptable input (422).
   */
  private ResponseEntity<ProblemDetail> refused(String flowId, String update, UpdateFailure failure) {
    String message = failure.failure().message();
    log.info("Flow {} refused update {}: {}", flowId, update, failure.refusal());
    ProblemDetail problem =
        switch (failure.refusal()) {
          case REFERENCE_IN_USE, REFERENCE_REUSED -> {
            ProblemDetail inUse = problem(HttpStatus.CONFLICT, "Merchant reference in use", message);
            inUse.setProperty("code", failure.failure().code());
            inUse.setProperty(ERRORS, List.of(new FieldProblem(fieldOr(failure, "merchantReference"), message)));
            yield inUse;
          }
          case STATE_CONFLICT -> problem(HttpStatus.CONFLICT, "Not possible in the flow's state", message);
          case FOREIGN_TOKEN -> {
            ProblemDetail foreign = problem(HttpStatus.BAD_REQUEST, "Return refused", message);
            foreign.setProperty(ERRORS, List.of(new FieldProblem(fieldOr(failure, "token"), message)));
            yield foreign;
          }
          case INVALID_REQUEST -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "Request refused by the flow", message);
          // Answered from the flow's state by the endpoints that send such Updates; never a surprise.
          case UNCHANGED -> problem(HttpStatus.CONFLICT, "Nothing to change", message);
          // FlowUpdateSender sends these again until its wait runs out; then: try again shortly.
          case CONTINUING -> problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again", message);
        };
    problem.setProperty("flowId", flowId);
    if (failure.refusal() == FlowRefusal.CONTINUING) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "1")
          .body(problem);
    }
    return answer(problem);
  }

  private static String fieldOr(UpdateFailure failure, String otherwise) {
    return failure.field() == null ? otherwise : failure.field();
  }

  private ResponseEntity<ProblemDetail> temporalStatus(StatusRuntimeException e, String flowId) {
    Status.Code code = e.getStatus().getCode();
    if (TemporalRefusals.tooLarge(e.getStatus())) {
      // The caller's request, not an outage: repeating it cannot help. No stack trace: it says nothing more.
      log.warn("Temporal refused the request for flow {} as too large: {}", flowId, code);
      return answer(
          problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "Request too large",
              "The request is larger than the workflow service takes; send a smaller one."));
    }
    switch (code) {
      case NOT_FOUND:
        return flowNotFound(flowId);
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
      case RESOURCE_EXHAUSTED:
      case ABORTED:
      case CANCELLED:
        log.warn("Temporal unavailable ({}) for flow {}", code, flowId);
        ProblemDetail problem =
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Temporal unavailable",
                "The workflow service cannot be reached now; repeat the same request later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(problem);
      default:
        log.error("Temporal refused a call ({}) for flow {}", code, flowId, e);
        return answer(
            problem(HttpStatus.BAD_GATEWAY, "Temporal failure", "Temporal could not carry out the request."));
    }
  }

  private ResponseEntity<ProblemDetail> flowNotFound(String flowId) {
    ProblemDetail problem =
        problem(HttpStatus.NOT_FOUND, "Flow not found", flowId == null ? "No such flow." : "No flow " + flowId + ".");
    if (flowId != null) {
      problem.setProperty("flowId", flowId);
    }
    return answer(problem);
  }

  private ResponseEntity<ProblemDetail> noAnswerInTime(String flowId) {
    log.warn("Flow {} did not answer in time", flowId);
    ProblemDetail problem =
        problem(
            HttpStatus.GATEWAY_TIMEOUT,
            "Flow did not answer in time",
            "The flow is still working on the request; repeat the same request to get its answer.");
    problem.setProperty("flowId", flowId);
    return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  private static String titleOf(UpdateFailure update) {
    FlowFailure failure = update.failure();
    if (FlowFailure.ORCHESTRATOR.equals(failure.source())) {
      return "Flow could not carry out the request";
    }
    return update.providerUnavailable()
        ? "Provider " + failure.source() + " failed"
        : "Provider " + failure.source() + " refused the request";
  }

  private static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> problems) {
    String detail =
        problems.size() == 1
            ? problems.get(0).field() + " " + problems.get(0).message()
            : problems.size() + " fields are invalid; see errors.";
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    problem.setProperty(ERRORS, problems);
    return answer(problem);
  }

  /** A problem document as every answer of this API has it; also for the codec server's refusals. */
  public static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static ResponseEntity<Object> withHeaders(ResponseEntity<ProblemDetail> answer, HttpHeaders headers) {
    return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
