package org.financingorchestrator.api.common;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where shoppers' browsers and providers reach this app from outside (every callback URL given to
 * a provider starts with it), and the secrets its callback URLs are signed with
 * ({@link CallbackSignatures}): Base64url, 32 bytes or more, the first signs, all verify.
 */
@ConfigurationProperties("callbacks")
public record CallbacksProperties(
    @DefaultValue("http://localhost:8080") URI publicBaseUrl, List<String> signingKeys) {}
