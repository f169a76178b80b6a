package org.financingorchestrator.api.merchants;

import java.util.List;

/**
 * A merchant as configured ({@code merchants.<id>.*}): the SHA-256 hashes of its API keys (more
 * than one while a key is rotated) and the hosts its shoppers may be sent back to.
 */
public record Merchant(String id, List<String> keyHashes, List<String> redirectHosts) {

  public Merchant {
    keyHashes = keyHashes == null ? List.of() : List.copyOf(keyHashes);
    redirectHosts = redirectHosts == null ? List.of() : List.copyOf(redirectHosts);
  }
}
