package org.financingorchestrator.sandbox.affirm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.financingorchestrator.sandbox.common.SandboxState;
import org.springframework.stereotype.Component;

/**
 * Affirm's checkouts, charges and idempotent answers, in memory. One lock guards all of it, so
 * each operation (check, change, ledger entry) happens as one step.
 */
@Component
class AffirmStore implements SandboxState {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, AffirmCheckout> checkouts = new HashMap<>();
  private final Map<String, String> checkoutIdsByToken = new HashMap<>();
  private final Map<String, AffirmCharge> charges = new HashMap<>();
  private final Map<String, String> chargeIdsByToken = new HashMap<>();
  /** Answers by operation and Idempotency-Key: the same key again gets the same answer. */
  private final Map<String, Object> answers = new HashMap<>();

  <T> T atomically(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  Optional<AffirmCheckout> checkout(String checkoutId) {
    return Optional.ofNullable(checkouts.get(checkoutId));
  }

  Optional<AffirmCheckout> checkoutByToken(String token) {
    String id = checkoutIdsByToken.get(token);
    return id == null ? Optional.empty() : checkout(id);
  }

  void put(AffirmCheckout checkout) {
    checkouts.put(checkout.checkoutId(), checkout);
    if (checkout.checkoutToken() != null) {
      checkoutIdsByToken.put(checkout.checkoutToken(), checkout.checkoutId());
    }
  }

  Optional<AffirmCharge> charge(String id) {
    return Optional.ofNullable(charges.get(id));
  }

  Optional<AffirmCharge> chargeByToken(String token) {
    String id = chargeIdsByToken.get(token);
    return id == null ? Optional.empty() : charge(id);
  }

  void put(AffirmCharge charge) {
    charges.put(charge.id, charge);
    chargeIdsByToken.put(charge.checkoutToken, charge.id);
  }

  /** The answer an earlier request with this key got, if any. */
  Optional<Object> answer(String scopedKey) {
    return scopedKey == null ? Optional.empty() : Optional.ofNullable(answers.get(scopedKey));
  }

  void remember(String scopedKey, Object answer) {
    if (scopedKey != null) {
      answers.put(scopedKey, answer);
    }
  }

  @Override
  public void clear() {
    atomically(
        () -> {
          checkouts.clear();
          checkoutIdsByToken.clear();
          charges.clear();
          chargeIdsByToken.clear();
          answers.clear();
          return null;
        });
  }
}
