package org.financingorchestrator.sandbox.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * One account's HTTP Basic credentials, checked against an Authorization header. The secret is
 * never printed.
 */
public final class BasicCredentials {

  private static final String SCHEME = "Basic ";

  private final byte[] expectedHeaderValue;
  private final String username;

  public BasicCredentials(String username, String password) {
    this.username = username;
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.expectedHeaderValue = token.getBytes(StandardCharsets.US_ASCII);
  }

  /** True when the header is "Basic base64(username:password)" for exactly these credentials. */
  public boolean matches(String authorizationHeader) {
    if (authorizationHeader == null
        || authorizationHeader.length() < SCHEME.length()
        || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    byte[] presented =
        authorizationHeader.substring(SCHEME.length()).trim().getBytes(StandardCharsets.US_ASCII);
    // Constant-time, so response timing says nothing about how much of the secret was right.
    return MessageDigest.isEqual(expectedHeaderValue, presented);
  }

  @Override
  public String toString() {
    return "BasicCredentials[username=" + username + ", password=****]";
  }
}
