package org.financingorchestrator.api.stack;

import java.nio.file.Path;
import java.util.List;
import org.financingorchestrator.api.stack.LocalTools.Found;

/**
 * Debian's Chromium and its ChromeDriver, one version (tools.sh installs them together), both
 * named explicitly so that Selenium Manager never tries to download a browser or a driver (this
 * network reaches only package registries).
 */
public record Chromium(Path browser, Path driver) {

  /**
   * Chromium from {@code deploy/local/tools.sh chromium}, which installs it where it can (as root,
   * with apt-get); otherwise empty, with the script's reason, for the caller to skip or fail on.
   */
  public static Found<Chromium> find() {
    Found<List<Path>> found = LocalToolsCondition.find("chromium");
    if (found.value().isEmpty()) {
      return Found.none(found.why());
    }
    List<Path> paths = found.value().get();
    if (paths.size() != 2) {
      return Found.none("tools.sh chromium printed " + paths + ", not a browser and a driver");
    }
    return Found.of(new Chromium(paths.get(0), paths.get(1)));
  }
}
