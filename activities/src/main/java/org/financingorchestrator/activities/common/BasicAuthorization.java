package org.financingorchestrator.activities.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials (RFC 7617), the scheme several providers use with their API keys. */
public final class BasicAuthorization {

  private BasicAuthorization() {}

  /** The Authorization header value: {@code Basic base64(username:password)}. */
  public static String headerValue(String username, String password) {
    String credentials = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
