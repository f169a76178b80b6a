package org.financingorchestrator.api.common;

import java.util.List;

/**
 * Rules on one amount that several providers' rules share: its currency, and above zero. Each
 * looks only at an amount that passed its own field checks, so a field is never reported twice.
 */
public final class MoneyRules {

  private MoneyRules() {}

  /** Adds "{path}.currency {message}" when the amount's valid currency is not {@code currency}. */
  public static void currency(List<FieldProblem> problems, String path, MoneyBody money, String currency, String message) {
    if (money != null && money.currency() != null && money.currency().matches("[A-Z]{3}") && !currency.equals(money.currency())) {
      problems.add(new FieldProblem(path + ".currency", message));
    }
  }

  /** Adds "{path}.amount must be greater than 0" for a complete amount of zero. */
  public static void positive(List<FieldProblem> problems, String path, MoneyBody money) {
    if (money != null && money.isComplete() && money.amount().signum() == 0) {
      problems.add(new FieldProblem(path + ".amount", "must be greater than 0"));
    }
  }
}
