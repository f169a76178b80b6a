package org.financingorchestrator.activities.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every call of one provider × every fault kind the sandbox injects, and what one attempt of the
 * call became: the table of issue 12's provider faults, printed as Markdown. Each provider's
 * matrix test fills one.
 */
public final class FaultMatrix {

  /**
   * A fault kind: its name in the table and the sandbox fault rule that makes it ({@code refusal}
   * is the call's own 4xx, e.g. {@code "status":402,"errorCode":"declined"}).
   */
  public record Kind(String name, String rule, boolean afterEffect) {
    /** A success that arrived with a body the call cannot use (malformed, empty, wrong shape). */
    public boolean unusableAnswer() {
      return rule.contains("\"answer\"") && !rule.contains("dropped");
    }

    public String rule(String provider, String operation, String refusal) {
      return "{\"provider\":\"" + provider + "\",\"operation\":\"" + operation + "\","
          + rule.replace("REFUSAL", refusal) + "}";
    }
  }

  /** The faults of issue 12: retried, refused, throttled, slow, dropped and unusable answers. */
  public static final List<Kind> KINDS =
      List.of(
          new Kind("503 before the effect", "\"status\":503", false),
          new Kind("4xx refusal", "REFUSAL", false),
          new Kind("429 with Retry-After: 7", "\"status\":429,\"retryAfterSeconds\":7", false),
          new Kind("answer slower than the read timeout", "\"afterEffect\":true,\"delayMillis\":2500", true),
          new Kind("connection dropped after the effect", "\"afterEffect\":true,\"answer\":\"dropped\"", true),
          new Kind("malformed body after the effect", "\"afterEffect\":true,\"answer\":\"malformed\"", true),
          new Kind("empty body after the effect", "\"afterEffect\":true,\"answer\":\"empty\"", true),
          new Kind("200 of the wrong shape after the effect", "\"afterEffect\":true,\"answer\":\"wrongShape\"", true));

  /** A check of one cell. */
  public interface Expectation {
    boolean holds(String call, Kind kind, String outcome);
  }

  /**
   * What the flow needs of one attempt, for most cells: transient faults and answers that never
   * came are retryable (a throttle with its Retry-After), a refusal is final with the provider's
   * code, and an answer that came but cannot be used is final malformed_response, never a success.
   */
  public static boolean asTheFlowNeeds(Kind kind, String outcome, String refusalCode) {
    return switch (kind.name()) {
      case "503 before the effect", "answer slower than the read timeout", "connection dropped after the effect" ->
          outcome.startsWith("retryable");
      case "429 with Retry-After: 7" -> outcome.startsWith("retryable") && outcome.endsWith("next attempt in 7s");
      case "4xx refusal" -> outcome.equals("final " + refusalCode);
      default -> outcome.equals("final malformed_response");
    };
  }

  private final String provider;
  private final List<Kind> kinds;
  private final Map<String, Map<Kind, String>> outcomes = new LinkedHashMap<>();

  public FaultMatrix(String provider, List<Kind> kinds) {
    this.provider = provider;
    this.kinds = kinds;
  }

  public void record(String call, Kind kind, String outcome) {
    outcomes.computeIfAbsent(call, c -> new LinkedHashMap<>()).put(kind, outcome);
  }

  /** Fails naming every cell that does not hold, not only the first. */
  public void assertEveryCell(Expectation expectation) {
    List<String> wrong = new ArrayList<>();
    outcomes.forEach(
        (call, row) ->
            row.forEach(
                (kind, outcome) -> {
                  if (!expectation.holds(call, kind, outcome)) {
                    wrong.add(call + " × " + kind.name() + ": " + outcome);
                  }
                }));
    assertThat(wrong).as("cells of the %s fault matrix", provider).isEmpty();
  }

  /** One row per call, one column per fault kind. */
  public String markdown() {
    StringBuilder table = new StringBuilder();
    table.append("| ").append(provider).append(" call |");
    kinds.forEach(kind -> table.append(' ').append(kind.name()).append(" |"));
    table.append("\n| --- |");
    kinds.forEach(kind -> table.append(" --- |"));
    table.append('\n');
    outcomes.forEach(
        (call, row) -> {
          table.append("| `").append(call).append("` |");
          kinds.forEach(kind -> table.append(' ').append(row.getOrDefault(kind, "")).append(" |"));
          table.append('\n');
        });
    return table.toString();
  }
}
