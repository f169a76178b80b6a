package org.financingorchestrator.sandbox.flexiti;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.sandbox.common.RandomIds;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.financingorchestrator.sandbox.common.SandboxState;
import org.springframework.stereotype.Component;

/**
 * The OAuth side of the simulated Flexiti: client_credentials and refresh_token grants, access
 * tokens that expire after expires_in, refresh tokens that each work once. Counts the grants it
 * served, so a test can see how many token requests a client made.
 */
@Component
class FlexitiTokens implements SandboxState {

  private record Issued(Instant expires) {}

  private final FlexitiProperties properties;
  private final Clock clock;
  private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger grants = new AtomicInteger();

  FlexitiTokens(FlexitiProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  Map<String, Object> grant(Map<String, String> form) {
    if (!properties.clientId().equals(form.get("client_id")) || !properties.clientSecret().equals(form.get("client_secret"))) {
      throw FlexitiErrors.invalidClient();
    }
    String grantType = form.get("grant_type");
    if ("refresh_token".equals(grantType)) {
      String refresh = form.get("refresh_token");
      if (refresh == null || refreshTokens.remove(refresh) == null) {
        throw new SandboxApiException(400, "invalid_grant", "Invalid refresh token");
      }
    } else if (!"client_credentials".equals(grantType)) {
      throw new SandboxApiException(400, "invalid_request", "Invalid or missing grant_type parameter");
    }
    grants.incrementAndGet();
    String access = RandomIds.hex(40);
    String refresh = RandomIds.hex(40);
    accessTokens.put(access, new Issued(clock.instant().plus(properties.tokenTtl())));
    refreshTokens.put(refresh, Boolean.TRUE);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token_type", "bearer");
    answer.put("access_token", access);
    answer.put("expires_in", properties.tokenTtl().toSeconds());
    answer.put("refresh_token", refresh);
    return answer;
  }

  void requireLive(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw FlexitiErrors.invalidToken();
    }
    Issued issued = accessTokens.get(authorization.substring(7).trim());
    if (issued == null || !clock.instant().isBefore(issued.expires())) {
      throw FlexitiErrors.invalidToken();
    }
  }

  /** Makes every access token invalid at once, as a token revoked by Flexiti. */
  void revokeAll() {
    accessTokens.clear();
  }

  int grantsServed() {
    return grants.get();
  }

  @Override
  public void clear() {
    accessTokens.clear();
    refreshTokens.clear();
    grants.set(0);
  }
}
