package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A shopper's path through pages in a {@link HeadlessBrowser}, each step kept as a numbered
 * screenshot ({@code <folder>/<nn>-<step>.png}), and on failure the page as it was (a screenshot
 * and its HTML), so that a red build shows where the shopper was stuck.
 */
public final class BrowserJourney {

  // A step waits on the app, not on the browser: a capture behind a callback takes seconds.
  private static final Duration STEP_WAIT = Duration.ofSeconds(60);

  private final HeadlessBrowser browser;
  private final WebDriver driver;
  private final Path folder;
  private int steps;

  public BrowserJourney(HeadlessBrowser browser, Path folder) {
    this.browser = browser;
    this.driver = browser.driver();
    this.folder = folder;
    // Only this run's steps: an earlier run's (a failure's page, say) would mislead.
    FileSystemUtils.deleteRecursively(folder.toFile());
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code url} as the shopper would type it. */
  public void open(String url) {
    driver.get(url);
  }

  /** Waits until {@code element} shows, then clicks it. */
  public void click(By element) {
    new WebDriverWait(driver, STEP_WAIT)
        .ignoring(StaleElementReferenceException.class) // a page that reloads itself
        .until(
            page -> {
              page.findElement(element).click();
              return true;
            });
  }

  /** Waits until {@code element} shows {@code text} exactly; an AssertionError says what it showed instead. */
  public void waitForText(By element, String text) {
    try {
      new WebDriverWait(driver, STEP_WAIT)
          .ignoring(StaleElementReferenceException.class)
          .until(page -> text.equals(page.findElement(element).getText()));
    } catch (TimeoutException e) {
      throw new AssertionError(
          element + " did not show " + text + " within " + STEP_WAIT.toSeconds() + " s at " + driver.getCurrentUrl()
              + "; it showed: " + textOf(element),
          e);
    }
  }

  /** Waits until {@code element} shows, and answers its text. */
  public String text(By element) {
    return new WebDriverWait(driver, STEP_WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(page -> page.findElement(element).getText());
  }

  /** Waits until {@code element} shows, and answers its attribute {@code name}. */
  public String attribute(By element, String name) {
    return new WebDriverWait(driver, STEP_WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(page -> page.findElement(element).getDomAttribute(name));
  }

  /** Waits until the browser's address contains {@code part}. */
  public void waitForUrl(String part) {
    try {
      new WebDriverWait(driver, STEP_WAIT).until(page -> page.getCurrentUrl().contains(part));
    } catch (TimeoutException e) {
      throw new AssertionError("The browser did not reach " + part + "; it is at " + driver.getCurrentUrl(), e);
    }
  }

  /** Saves the window as the next step's screenshot, {@code <nn>-<name>.png}. */
  public Path step(String name) {
    Path screenshot = folder.resolve(String.format("%02d-%s.png", ++steps, name));
    try {
      browser.screenshot(screenshot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return screenshot;
  }

  /** Keeps the page where the journey failed: {@code <nn>-failed.png} and {@code <nn>-failed.html}. */
  public void failed() {
    try {
      step("failed");
      browser.pageSource(folder.resolve(String.format("%02d-failed.html", steps)));
    } catch (RuntimeException | IOException e) {
      // The failure itself is what the report shows; a browser too broken to save it adds nothing.
    }
  }

  private String textOf(By element) {
    for (WebElement found : driver.findElements(element)) {
      return found.getText();
    }
    return "(nothing)";
  }
}
