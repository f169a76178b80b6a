package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * One headless {@link Chromium} driven by Selenium, with the flags this closed network needs,
 * in a fresh profile deleted on close; screenshots and page sources saved as test artifacts.
 */
public final class HeadlessBrowser implements AutoCloseable {

  // Selenium warns at each start that it has no DevTools (CDP) binding for this Chromium; the
  // tests use none. Held here because java.util.logging keeps its loggers only weakly.
  private static final List<Logger> WITHOUT_CDP_WARNINGS =
      List.of(
          withoutCdpWarnings("org.openqa.selenium.devtools.CdpVersionFinder"),
          withoutCdpWarnings("org.openqa.selenium.chromium.ChromiumDriver"));

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessBrowser(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** A browser with a window of {@code width} x {@code height}; {@code name} names its profile. */
  public static HeadlessBrowser open(Chromium chromium, String name, int width, int height) throws IOException {
    // A fresh profile each time: no state from an earlier run, and nothing to sync or restore.
    Path profile = Files.createTempDirectory(name + "-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.browser().toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox", // runs as root in CI and on the dev machines
        "--disable-gpu",
        // The network reaches only package registries: no background calls to Google's hosts.
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
    try {
      return new HeadlessBrowser(profile, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(profile);
      throw e;
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves what the window shows as a PNG at {@code screenshot}, making its folder. */
  public void screenshot(Path screenshot) throws IOException {
    Files.createDirectories(screenshot.toAbsolutePath().getParent());
    Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Saves the page's current HTML at {@code file}, making its folder. */
  public void pageSource(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  private static Logger withoutCdpWarnings(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setFilter(record -> record.getMessage() == null || !record.getMessage().contains("CDP"));
    return logger;
  }
}
