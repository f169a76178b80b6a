package org.financingorchestrator.benchmark.common;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments, with defaults. */
public final class Arguments {

  private final Map<String, String> values = new HashMap<>();

  public Arguments(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg);
      }
      values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
  }

  public String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  public int number(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  public Duration duration(String name, Duration fallback) {
    return values.containsKey(name) ? Duration.parse(values.get(name)) : fallback;
  }
}
