package org.financingorchestrator.activities.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The User-Agent this project sends to providers, in the {@code
 * {module}/{version} ({platform}/{platformVersion}; Merchant/{merchantId})} shape Afterpay
 * documents. The version is the Maven project version, filtered into a resource at build time.
 */
public final class UserAgent {

  public static final String MODULE = "FinancingOrchestrator-Activities";

  private static final String VERSION_RESOURCE = "activities-version.properties";

  /** This module's version, as Maven built it. */
  public static final String VERSION = loadVersion();

  private UserAgent() {}

  public static String forMerchant(String merchantId) {
    return MODULE
        + "/"
        + VERSION
        + " (Java/"
        + System.getProperty("java.version")
        + "; Merchant/"
        + merchantId
        + ")";
  }

  private static String loadVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(VERSION_RESOURCE + " is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      // An unfiltered file means the build skipped resource filtering: fail, never send "@...@".
      if (version == null || version.isBlank() || version.contains("@")) {
        throw new IllegalStateException(VERSION_RESOURCE + " has no filtered version: " + version);
      }
      return version.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
