package org.financingorchestrator.sandbox.merchant;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.sandbox.common.RandomIds;

/**
 * The shop's orders, in memory like the rest of the sandbox. References are random, so a
 * restarted sandbox on a Temporal server that kept its flows (run.sh's dev server does) never
 * reuses one; the shop's pages look flows up by reference only, never by an id the browser sends.
 */
class DemoOrders {

  // A demo, not a shop: enough for any session, and no way to fill the heap by clicking.
  static final int MAX_ORDERS = 10_000;

  private final Map<String, DemoOrder> orders = new ConcurrentHashMap<>();

  /** A new merchant reference: shop-<16 hex>. */
  String newReference() {
    return "shop-" + RandomIds.hex(16);
  }

  void add(DemoOrder order) {
    if (orders.size() >= MAX_ORDERS) {
      throw new DemoShopFullException(MAX_ORDERS);
    }
    orders.put(order.reference(), order);
  }

  Optional<DemoOrder> find(String reference) {
    return Optional.ofNullable(orders.get(reference));
  }
}
