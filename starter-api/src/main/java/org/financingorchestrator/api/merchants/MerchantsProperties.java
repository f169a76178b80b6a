package org.financingorchestrator.api.merchants;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code merchants.<id>.key-hashes[i]} and {@code merchants.<id>.redirect-hosts[i]}: configuration
 * or environment, never code. The default configuration has none (every merchant request is
 * 401); the {@code local} profile has the demo merchant. Bound as a map under the prefix: the
 * merchants' ids are the map's keys.
 */
@ConfigurationProperties("")
public record MerchantsProperties(@DefaultValue Map<String, Entry> merchants) {

  /** One merchant's settings; its id is its key in {@link #merchants}. */
  public record Entry(List<String> keyHashes, List<String> redirectHosts) {}
}
