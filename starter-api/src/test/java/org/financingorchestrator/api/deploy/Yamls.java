package org.financingorchestrator.api.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Reading the deploy's YAML as plain maps and lists. */
final class Yamls {

  private Yamls() {}

  static Map<String, Object> read(Path file) {
    return readAll(file).get(0);
  }

  /** Every document of a multi-document file (kustomize's output), empty ones left out. */
  static List<Map<String, Object>> readAll(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      return parseAll(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, Object>> parseAll(Reader reader) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(reader)) {
      if (document instanceof Map<?, ?> map) {
        documents.add(cast(map));
      }
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object list) {
    return list == null ? List.of() : (List<Object>) list;
  }

  /** The value at a path of map keys, or null. */
  static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /** Dotted keys, lists as [i], the way Spring names properties. */
  static void flatten(String prefix, Object node, Map<String, Object> into) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
        flatten(key, entry.getValue(), into);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), into);
      }
    } else {
      into.put(prefix, node);
    }
  }
}
