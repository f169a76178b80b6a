package org.financingorchestrator.sandbox.common;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A value inside a request body together with its path ("items[0].price.amount"), so every
 * validation message can name the exact field.
 */
public record JsonField(String path, JsonNode value) {

  public static JsonField root(JsonNode body) {
    return new JsonField("", body);
  }

  public JsonField get(String name) {
    String childPath = path.isEmpty() ? name : path + "." + name;
    JsonNode child = value != null && value.isObject() ? value.get(name) : null;
    return new JsonField(childPath, child);
  }

  /** The elements of an array value; empty for anything else. */
  public List<JsonField> elements() {
    List<JsonField> elements = new ArrayList<>();
    if (value != null && value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        elements.add(new JsonField(path + "[" + i + "]", value.get(i)));
      }
    }
    return elements;
  }

  /** Absent and JSON null are the same: the field was not given. */
  public boolean present() {
    return value != null && !value.isNull() && !value.isMissingNode();
  }
}
