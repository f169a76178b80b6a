package org.financingorchestrator.worker.common;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;

/**
 * The flows' search attributes as {@code temporal server start-dev --search-attribute NAME=TYPE}
 * flags, from the same definitions the worker registers, so that the dev server the local stack
 * and the tests start declares exactly what the workflows upsert. {@code main} prints one flag
 * pair a line for {@code deploy/local/run.sh}.
 */
public final class SearchAttributeFlags {

  private SearchAttributeFlags() {}

  /** {@code --search-attribute}, {@code NAME=TYPE}, ... in name order. */
  public static List<String> flags() {
    List<String> flags = new ArrayList<>();
    for (Map.Entry<String, IndexedValueType> attribute :
        new TreeMap<>(FlowSearchAttributes.DEFINITIONS).entrySet()) {
      flags.add("--search-attribute");
      flags.add(attribute.getKey() + "=" + cliType(attribute.getValue()));
    }
    return flags;
  }

  /** The CLI's name for a search attribute type. */
  static String cliType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("No CLI name for search attribute type " + type);
    };
  }

  public static void main(String[] args) {
    List<String> flags = flags();
    for (int i = 0; i < flags.size(); i += 2) {
      System.out.println(flags.get(i) + " " + flags.get(i + 1));
    }
  }
}
