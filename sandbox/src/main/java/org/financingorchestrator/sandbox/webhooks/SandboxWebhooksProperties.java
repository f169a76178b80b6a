package org.financingorchestrator.sandbox.webhooks;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * sandbox.webhooks.*: the secret each merchant's receiver verifies with (the one the worker signs
 * with, {@code whsec_<base64>}), and how far a signature's timestamp may be from now.
 */
@ConfigurationProperties("sandbox.webhooks")
public record SandboxWebhooksProperties(
    Map<String, String> secrets, @DefaultValue("PT5M") Duration tolerance) {

  public SandboxWebhooksProperties {
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }

  @Override
  public String toString() {
    return "SandboxWebhooksProperties[merchants=" + secrets.keySet() + ", tolerance=" + tolerance + "]";
  }
}
