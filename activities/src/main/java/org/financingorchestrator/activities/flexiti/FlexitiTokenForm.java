package org.financingorchestrator.activities.flexiti;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of POST /oauth/token: the client's credentials and the grant (client_credentials, or
 * refresh_token with the refresh token), written application/x-www-form-urlencoded as Flexiti
 * requires. Holds secrets: toString masks them.
 */
record FlexitiTokenForm(String clientId, String clientSecret, String grantType, String refreshToken) {

  static FlexitiTokenForm clientCredentials(FlexitiClientSettings settings) {
    return new FlexitiTokenForm(settings.clientId(), settings.clientSecret(), "client_credentials", null);
  }

  static FlexitiTokenForm refresh(FlexitiClientSettings settings, String refreshToken) {
    return new FlexitiTokenForm(settings.clientId(), settings.clientSecret(), "refresh_token", refreshToken);
  }

  String encoded() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_id", clientId);
    fields.put("client_secret", clientSecret);
    fields.put("grant_type", grantType);
    if (refreshToken != null) {
      fields.put("refresh_token", refreshToken);
    }
    return fields.entrySet().stream()
        .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "FlexitiTokenForm[clientId=" + clientId + ", clientSecret=****, grantType=" + grantType + "]";
  }
}
