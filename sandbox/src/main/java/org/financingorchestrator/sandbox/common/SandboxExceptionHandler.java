package org.financingorchestrator.sandbox.common;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every error in the body format of the provider whose path was called (problem+json for
 * the sandbox's own controls), including the framework's own 404, 405 and 400s. The Content-Type is
 * set here so the body is written even when the request's Accept header refused JSON.
 */
@RestControllerAdvice
public class SandboxExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(SandboxExceptionHandler.class);

  private final SandboxProviders providers;

  public SandboxExceptionHandler(SandboxProviders providers) {
    this.providers = providers;
  }

  @ExceptionHandler(SandboxApiException.class)
  public ResponseEntity<Object> sandboxApi(SandboxApiException e, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    e.headers().forEach(headers::set);
    if (e.retryAfterSeconds() != null) {
      headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
    }
    return respond(request, e.status(), e.errorCode(), e.getMessage(), headers);
  }

  private static HttpServletResponse unwrapped(HttpServletResponse response) {
    HttpServletResponse raw = response;
    while (raw instanceof HttpServletResponseWrapper wrapper) {
      raw = (HttpServletResponse) wrapper.getResponse();
    }
    return raw;
  }

  /** A broken success: 201 for what creates (POST), 200 otherwise, with the fault's body. */
  @ExceptionHandler(InjectedAnswerException.class)
  public ResponseEntity<String> brokenAnswer(
      InjectedAnswerException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = "POST".equals(request.getMethod()) ? 201 : 200;
    switch (e.answer()) {
      case DROPPED -> {
        // More body promised than sent, and the connection closed: the client's read fails. Written
        // past any wrapper that holds answers back (ProviderCallLatency), so it still leaves as a drop.
        response = unwrapped(response);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentLength(InjectedAnswerException.DROPPED_PROMISED_LENGTH);
        response.getOutputStream().write(InjectedAnswerException.DROPPED_BEGINNING.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        return null;
      }
      case EMPTY -> {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body("");
      }
      case WRONG_SHAPE -> {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(InjectedAnswerException.WRONG_SHAPE_BODY);
      }
      default -> {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(InjectedAnswerException.MALFORMED_BODY);
      }
    }
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Object> other(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse framework) {
      int status = framework.getStatusCode().value();
      String detail = framework.getBody().getDetail();
      HttpHeaders headers = new HttpHeaders();
      headers.putAll(framework.getHeaders());
      return respond(
          request,
          status,
          ErrorCodes.forStatus(status),
          detail != null ? detail : reason(status),
          headers);
    }
    if (e instanceof TypeMismatchException || e instanceof HttpMessageNotReadableException) {
      // Bad input the framework caught before our readers did: the caller's fault, not ours.
      return respond(
          request, 400, "bad_request", "The request could not be read", new HttpHeaders());
    }
    log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        request, 500, "server_error", "The sandbox failed unexpectedly", new HttpHeaders());
  }

  private ResponseEntity<Object> respond(
      HttpServletRequest request,
      int status,
      String errorCode,
      String message,
      HttpHeaders headers) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<SandboxProvider> provider = providers.serving(path);
    if (provider.isPresent()) {
      ProviderErrorFormat format = provider.get().errorFormat();
      return ResponseEntity.status(status)
          .headers(headers)
          .contentType(format.mediaType())
          .body(format.body(status, errorCode, message));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
    problem.setProperty("errorCode", errorCode);
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String reason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }
}
