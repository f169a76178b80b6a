package org.financingorchestrator.api.merchants;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.financingorchestrator.api.common.ApiExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem+json, like every other error of the API. A 401 names the scheme
 * ({@code WWW-Authenticate: Bearer}) and never repeats the key it was given.
 */
final class ProblemSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

  /**
   * With Spring's mix-in, as the MVC answers are written: without it a 401 read
   * {@code "type":null,"instance":null,"properties":null} (found by deploy/local/fuzz-api.sh).
   */
  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean keyGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        keyGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        keyGiven
            ? "The API key is not valid."
            : "An API key is required: Authorization: Bearer <key>.");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "This API key may not do this.");
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    // The same members as every other problem of the API: type, title, status, detail, instance.
    ProblemDetail problem = ApiExceptionHandler.problem(status, title, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
