package org.financingorchestrator.api.common;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's error page ({@code /error}, where the servlet container sends a {@code sendError}
 * from a filter, such as {@link RequestBodyLimitFilter}'s 413): problem+json whatever the request
 * accepts, in place of Spring Boot's JSON or HTML error page. Not an endpoint of the API, so not in
 * its OpenAPI document (where it showed as seven operations answering 200).
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
    // Our own sendError messages are meant for the caller; an exception's message is not.
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    boolean ours = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
        && message instanceof String text && !text.isBlank();
    String detail = ours ? (String) message : status.getReasonPhrase() + ".";
    ProblemDetail problem = ApiExceptionHandler.problem(status, status.getReasonPhrase(), detail);
    // The request that failed, not this page's own path (an instance of "/error" says nothing).
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
      try {
        problem.setInstance(URI.create(failed));
      } catch (IllegalArgumentException notAPath) {
        // Then Spring's default, this page's path.
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
