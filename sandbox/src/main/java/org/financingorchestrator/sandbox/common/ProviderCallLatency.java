package org.financingorchestrator.sandbox.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every merchant call to a simulated provider (those with credentials, an Authorization header;
 * a shopper's pages have none) is tracked in {@link InFlightCalls} and, with {@code
 * sandbox.latency} set, takes that long: half before the provider acts, half after it acted and
 * before the answer leaves. So a process that dies in the middle of a call dies either before the
 * effect or after it with the answer lost, as with a real provider over a real network.
 */
@Component
class ProviderCallLatency extends OncePerRequestFilter {

  private final Duration latency;
  private final InFlightCalls inFlight;

  ProviderCallLatency(@Value("${sandbox.latency:0ms}") Duration latency, InFlightCalls inFlight) {
    this.latency = latency;
    this.inFlight = inFlight;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader("Authorization") == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    InFlightCalls.Call call = inFlight.begin(request.getHeader("Host"), request.getMethod(), request.getRequestURI());
    try {
      if (latency.isZero()) {
        chain.doFilter(request, response);
        return;
      }
      pause(latency.dividedBy(2));
      // The answer is held back until the second half has passed.
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, held);
      pause(latency.minus(latency.dividedBy(2)));
      held.copyBodyToResponse();
    } finally {
      inFlight.end(call);
    }
  }

  private static void pause(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while simulating latency", e);
    }
  }
}
