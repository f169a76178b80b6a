package org.financingorchestrator.activities.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long a response may be reused according to its Cache-Control header, for a client that
 * keeps its own private cache of one resource.
 */
public final class CacheControl {

  private static final String HEADER = "Cache-Control";

  private CacheControl() {}

  /**
   * The response's max-age; empty when the response must not be reused: no-store, no-cache, no
   * header, no max-age, or a max-age of zero or less.
   */
  public static Optional<Duration> freshFor(Map<String, Collection<String>> headers) {
    Long maxAge = null;
    for (String directive : directives(headers)) {
      String name = directive.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (name.equals("no-store") || name.equals("no-cache")) {
        return Optional.empty();
      }
      if (name.equals("max-age")) {
        maxAge = seconds(directive);
      }
    }
    return maxAge == null || maxAge <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(maxAge));
  }

  private static List<String> directives(Map<String, Collection<String>> headers) {
    List<String> directives = new ArrayList<>();
    headers.forEach(
        (name, values) -> {
          if (name != null && name.equalsIgnoreCase(HEADER) && values != null) {
            values.forEach(value -> directives.addAll(List.of(value.split(","))));
          }
        });
    return directives;
  }

  private static Long seconds(String directive) {
    String[] parts = directive.split("=", 2);
    if (parts.length < 2) {
      return null;
    }
    String value = parts[1].trim().replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }
}
