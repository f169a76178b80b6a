package org.financingorchestrator.api.merchants;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean keyGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        keyGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
    write(
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
    write(response, HttpStatus.FORBIDDEN, "Forbidden", "This API key may not do this.");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
