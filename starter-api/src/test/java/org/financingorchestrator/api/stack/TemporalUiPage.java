package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.stack.LocalTools.Found;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Temporal UI (2.54, as the pinned dev server serves it) seen in headless Chromium: the
 * workflow list filtered by a visibility query, and a workflow's own page with its input, as an
 * operator opens them, in a {@link HeadlessBrowser}.
 */
public final class TemporalUiPage implements AutoCloseable {

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

  private final URI ui;
  private final String namespace;
  private final HeadlessBrowser browser;
  private final WebDriver driver;

  private TemporalUiPage(URI ui, String namespace, HeadlessBrowser browser) {
    this.ui = ui;
    this.namespace = namespace;
    this.browser = browser;
    this.driver = browser.driver();
  }

  /** Chromium from {@code deploy/local/tools.sh chromium} ({@link Chromium#find()}). */
  public static Found<Chromium> chromium() {
    return Chromium.find();
  }

  /** A browser on the UI at {@code ui} (e.g. http://127.0.0.1:8233), for one namespace. */
  public static TemporalUiPage open(Chromium chromium, URI ui, String namespace) throws IOException {
    return new TemporalUiPage(ui, namespace, HeadlessBrowser.open(chromium, "temporal-ui", 1400, 900));
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
    browser.close();
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
    browser.screenshot(screenshot);
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
