package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.financingorchestrator.api.stack.LocalTools.Found;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The Temporal UI (2.54, as the pinned dev server serves it) seen in headless Chromium: the
 * workflow list filtered by a visibility query, and a workflow's own page with its input, as an
 * operator opens them. Chromium and ChromeDriver
 * are Debian's, from {@code tools.sh chromium}, both named explicitly so that Selenium Manager never
 * tries to download a browser or a driver (this network reaches only package registries).
 */
public final class TemporalUiPage implements AutoCloseable {

  /** Debian's Chromium and its ChromeDriver, one version (tools.sh installs them together). */
  public record Chromium(Path browser, Path driver) {}

  /** The list as it showed: its address, the workflow ids in its rows (top first), the picture. */
  public record Listing(URI url, List<String> workflowIds, Path screenshot) {}

  /** A workflow's page as it showed: where it landed, the text of its Input card, the picture. */
  public record Detail(URI url, String input, Path screenshot) {}

  // A UI row per execution; its links lead to /namespaces/<ns>/workflows/<id>/<runId>/...
  private static final By ROWS = By.cssSelector("[data-testid='workflows-summary-configurable-table-row']");
  private static final By ROW_LINK = By.cssSelector("a[href*='/workflows/']");
  private static final Duration LIST_WAIT = Duration.ofSeconds(60);
  // A workflow's page: its Input and Result cards, the input as the UI decoded it (through the
  // codec endpoint, when the UI has one).
  private static final By INPUT_AND_RESULT = By.cssSelector("[data-testid='input-and-result']");
  private static final Duration DETAIL_WAIT = Duration.ofSeconds(60);
  private static final By USER_METADATA_TAB = By.xpath("//a[contains(., 'User Metadata')]");
  // The list does not follow visibility by itself; an execution indexed after the page loaded
  // shows only on a reload, as it would for an operator pressing Refresh.
  private static final Duration RELOAD_EVERY = Duration.ofSeconds(5);
  // Selenium warns at each start that it has no DevTools (CDP) binding for this Chromium; this page
  // uses none. Held here because java.util.logging keeps its loggers only weakly.
  private static final List<Logger> WITHOUT_CDP_WARNINGS =
      List.of(
          withoutCdpWarnings("org.openqa.selenium.devtools.CdpVersionFinder"),
          withoutCdpWarnings("org.openqa.selenium.chromium.ChromiumDriver"));

  private final URI ui;
  private final String namespace;
  private final Path profile;
  private final ChromeDriver driver;

  private TemporalUiPage(URI ui, String namespace, Path profile, ChromeDriver driver) {
    this.ui = ui;
    this.namespace = namespace;
    this.profile = profile;
    this.driver = driver;
  }

  /**
   * Chromium from {@code deploy/local/tools.sh chromium}, which installs it where it can (as root,
   * with apt-get); otherwise empty, with the script's reason, for the caller to skip or fail on.
   */
  public static Found<Chromium> chromium() {
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

  /** A browser on the UI at {@code ui} (e.g. http://127.0.0.1:8233), for one namespace. */
  public static TemporalUiPage open(Chromium chromium, URI ui, String namespace) throws IOException {
    // A fresh profile each time: no state from an earlier run, and nothing to sync or restore.
    Path profile = Files.createTempDirectory("temporal-ui-chromium");
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
        "--window-size=1400,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
    try {
      return new TemporalUiPage(ui, namespace, profile, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(profile);
      throw e;
    }
  }

  /**
   * The list URL the UI itself uses for a query typed in its filter bar:
   * {@code /namespaces/<namespace>/workflows?query=<the query, URL-encoded>}.
   */
  URI listUrl(String query) {
    return URI.create(
        ui.toString().replaceAll("/+$", "")
            + "/namespaces/" + encode(namespace)
            + "/workflows?query=" + encode(query));
  }

  /**
   * Opens the list filtered by {@code query}, waits until {@code flowId} is among its rows, saves a
   * screenshot to {@code screenshot} and answers what the list showed. When the flow does not
   * show in time, the screenshot is saved all the same and an AssertionError says what did show.
   */
  public Listing listShowing(String query, String flowId, Path screenshot) throws IOException {
    URI url = listUrl(query);
    driver.get(url.toString());
    Reloads reloads = new Reloads();
    List<String> shown;
    try {
      shown =
          new WebDriverWait(driver, LIST_WAIT)
              .ignoring(StaleElementReferenceException.class) // rows re-render as results arrive
              .until(
                  browser -> {
                    List<String> ids = workflowIds(browser);
                    if (ids.contains(flowId)) {
                      return ids;
                    }
                    reloads.whenDue(browser);
                    return null;
                  });
    } catch (TimeoutException e) {
      save(screenshot);
      throw new AssertionError(
          flowId + " did not show in " + url + " within " + LIST_WAIT.toSeconds() + " s; rows: "
              + workflowIds(driver) + "; screenshot: " + screenshot.toAbsolutePath(),
          e);
    }
    save(screenshot);
    return new Listing(url, shown, screenshot);
  }

  /**
   * Opens the workflow's page as an operator would, {@code /namespaces/<namespace>/workflows/<id>}
   * (the UI goes on to the latest run's timeline), waits until its Input card shows {@code text},
   * saves a screenshot and answers what the card showed. When the text does not show in time, the
   * screenshot is saved all the same and an AssertionError says what the card showed instead.
   */
  public Detail workflowShowing(String workflowId, String text, Path screenshot) throws IOException {
    return workflowPartShowing(workflowId, "Input", TemporalUiPage::inputCard, text, screenshot);
  }

  /**
   * As {@link #workflowShowing}, on the workflow's User Metadata tab (its summary and details),
   * waiting until the page shows {@code text}; answers the page's text.
   */
  public Detail userMetadataShowing(String workflowId, String text, Path screenshot) throws IOException {
    return workflowPartShowing(workflowId, "User Metadata tab", browser -> {
      List<WebElement> tab = browser.findElements(USER_METADATA_TAB);
      if (!tab.isEmpty() && !browser.getCurrentUrl().contains("/metadata")) {
        tab.get(0).click();
      }
      // The UI renders summary and details as markdown in sandboxed frames: their source is the text.
      StringBuilder shown = new StringBuilder(browser.findElement(By.tagName("body")).getText());
      for (WebElement frame : browser.findElements(By.tagName("iframe"))) {
        try {
          shown.append('\n').append(browser.switchTo().frame(frame).findElement(By.tagName("body")).getText());
        } finally {
          browser.switchTo().defaultContent();
        }
      }
      return shown.toString();
    }, text, screenshot);
  }

  private Detail workflowPartShowing(
      String workflowId, String partName, java.util.function.Function<WebDriver, String> part, String text, Path screenshot)
      throws IOException {
    URI url =
        URI.create(
            ui.toString().replaceAll("/+$", "") + "/namespaces/" + encode(namespace) + "/workflows/"
                + encode(workflowId));
    driver.get(url.toString());
    String shownText;
    try {
      shownText =
          new WebDriverWait(driver, DETAIL_WAIT)
              .ignoring(StaleElementReferenceException.class) // the card re-renders once decoded
              .until(browser -> {
                String shown = part.apply(browser);
                return shown.contains(text) ? shown : null;
              });
    } catch (TimeoutException e) {
      save(screenshot);
      throw new AssertionError(
          "The " + partName + " of " + workflowId + " did not show " + text + " within " + DETAIL_WAIT.toSeconds()
              + " s at " + driver.getCurrentUrl() + "; it showed: " + part.apply(driver) + "; screenshot: "
              + screenshot.toAbsolutePath(),
          e);
    }
    save(screenshot);
    return new Detail(URI.create(driver.getCurrentUrl()), shownText, screenshot);
  }

  private static String inputCard(WebDriver browser) {
    List<WebElement> cards = browser.findElements(INPUT_AND_RESULT);
    return cards.isEmpty() ? "" : cards.get(0).getText();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  /** The workflow id of each row, read from its link, which names the execution exactly. */
  private List<String> workflowIds(WebDriver browser) {
    String prefix = "/namespaces/" + encode(namespace) + "/workflows/";
    List<String> ids = new ArrayList<>();
    for (WebElement row : browser.findElements(ROWS)) {
      List<WebElement> links = row.findElements(ROW_LINK);
      if (links.isEmpty()) {
        continue;
      }
      String path = URI.create(links.get(0).getDomAttribute("href")).getRawPath();
      if (path.startsWith(prefix)) {
        String id = path.substring(prefix.length()).split("/", 2)[0];
        ids.add(URLDecoder.decode(id, StandardCharsets.UTF_8));
      }
    }
    return ids;
  }

  private void save(Path screenshot) throws IOException {
    Path parent = screenshot.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
  }

  private static Logger withoutCdpWarnings(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setFilter(record -> record.getMessage() == null || !record.getMessage().contains("CDP"));
    return logger;
  }

  /** As the UI encodes: a space is %20, not '+'. */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Reloads the page at most every RELOAD_EVERY, timed by the wait's own polling. */
  private static final class Reloads {
    private long next = System.nanoTime() + RELOAD_EVERY.toNanos();

    void whenDue(WebDriver browser) {
      if (System.nanoTime() - next >= 0) {
        browser.navigate().refresh();
        next = System.nanoTime() + RELOAD_EVERY.toNanos();
      }
    }
  }
}
