package org.financingorchestrator.api.common;

/**
 * The one rule every text the API reads obeys: no control characters (C0, DEL, C1: NUL, ESC, CR,
 * LF, ...) and no unpaired surrogates. Such text is never a name, an address or a reference; it
 * only ever reaches a provider, a log line or a page as an attack or a bug.
 */
public final class TextRule {

  public static final String MESSAGE = "must not contain control characters or unpaired surrogates";

  private TextRule() {}

  /** True when {@code text} may be passed on. */
  public static boolean isPlain(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
