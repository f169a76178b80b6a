package org.financingorchestrator.api.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs what {@link RequiresLocalTools} names only where tools.sh can provide it. */
public final class LocalToolsCondition implements ExecutionCondition {

  /** One look-up per tool and test JVM: tools.sh may install, and installs only once. */
  private static final Map<String, LocalTools.Found<List<Path>>> FOUND = new ConcurrentHashMap<>();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresLocalTools> required =
        context.getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresLocalTools.class));
    if (required.isEmpty()) {
      return ConditionEvaluationResult.enabled("needs no local tool");
    }
    for (String tool : required.get().value()) {
      LocalTools.Found<List<Path>> found = find(tool);
      if (found.value().isEmpty()) {
        String why = "Needs " + tool + " from deploy/local/tools.sh, which could not provide it: " + found.why();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new IllegalStateException(why);
        }
        return ConditionEvaluationResult.disabled(why);
      }
    }
    return ConditionEvaluationResult.enabled("has " + String.join(", ", required.get().value()));
  }

  /** The paths tools.sh printed for this tool (looked up once). */
  static LocalTools.Found<List<Path>> find(String tool) {
    return FOUND.computeIfAbsent(tool, LocalTools::find);
  }
}
