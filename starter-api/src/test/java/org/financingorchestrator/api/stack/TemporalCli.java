package org.financingorchestrator.api.stack;

import java.nio.file.Path;

/**
 * The pinned Temporal CLI, found or installed by {@code deploy/local/tools.sh temporal}, the same
 * script the local stack uses. Tests that use it say so with {@code @RequiresLocalTools("temporal")},
 * which skips them (fails them in CI) where it cannot be had.
 */
public final class TemporalCli {

  private TemporalCli() {}

  public static Path path() {
    LocalTools.Found<java.util.List<Path>> found = LocalToolsCondition.find("temporal");
    return found
        .value()
        .map(paths -> paths.get(0))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No Temporal CLI (annotate the test @RequiresLocalTools(\"temporal\")): " + found.why()));
  }
}
