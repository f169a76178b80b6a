package org.financingorchestrator.workflows.flexiti;

/** How Flexiti's personal and secret values show in toString, logs and messages: never themselves. */
final class FlexitiSecrets {

  private FlexitiSecrets() {}

  /** "****" when set, null when not: says whether it was given, never what. */
  static String mask(String value) {
    return value == null ? null : "****";
  }

  /** The last four characters only (a card or account number as a receipt shows it). */
  static String lastFour(String value) {
    if (value == null) {
      return null;
    }
    return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
  }
}
