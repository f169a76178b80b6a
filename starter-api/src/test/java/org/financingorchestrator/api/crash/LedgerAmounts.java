package org.financingorchestrator.api.crash;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The checks most providers' {@link CrashScripts#disagreements} make: an amount in the status against the ledger's sum. */
public final class LedgerAmounts {

  private LedgerAmounts() {}

  /** The sum of the amounts of {@code ledger}'s entries of {@code type} (zero when none). */
  public static BigDecimal sum(List<JsonNode> ledger, String type) {
    return ledger.stream()
        .filter(entry -> type.equals(entry.path("type").asString()))
        .map(entry -> new BigDecimal(entry.path("amount").asString("0")))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * A sentence when the status's money at {@code field} ({@code {"amount": "5.00", ...}}, absent
   * meaning zero) is not the sum of the ledger's {@code type} entries; empty when they agree.
   */
  public static Optional<String> compare(JsonNode status, String field, List<JsonNode> ledger, String type) {
    JsonNode money = status.path(field);
    BigDecimal shown = money.isMissingNode() || money.isNull() ? BigDecimal.ZERO : new BigDecimal(money.path("amount").asString("0"));
    BigDecimal recorded = sum(ledger, type);
    return shown.compareTo(recorded) == 0
        ? Optional.empty()
        : Optional.of(field + " is " + shown.toPlainString() + " but the ledger's " + type + " entries sum to " + recorded.toPlainString());
  }
}
