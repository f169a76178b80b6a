package org.financingorchestrator.sandbox.afterpay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.financingorchestrator.sandbox.common.SandboxState;
import org.springframework.stereotype.Component;

/**
 * Afterpay's orders, payments and refund answers, in memory. One lock guards all of it, so each
 * operation (check, change, ledger entry) happens as one step; accessors must be called inside
 * {@link #atomically}.
 */
@Component
class AfterpayStore implements SandboxState {

  // Ids keep counting across resets so an id from an earlier test never names a later payment.
  private final AtomicLong lastPaymentId = new AtomicLong(10_000_000L);
  private final AtomicLong lastRefundId = new AtomicLong(60_000_000L);

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, AfterpayOrderRecord> orders = new HashMap<>();
  private final Map<String, AfterpayPayment> payments = new HashMap<>();
  private final Map<String, String> paymentIdsByToken = new HashMap<>();
  private final Map<String, AfterpayStoredRefund> refundsByRequestId = new HashMap<>();

  <T> T atomically(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  Optional<AfterpayOrderRecord> order(String token) {
    requireLock();
    return Optional.ofNullable(orders.get(token));
  }

  void putOrder(AfterpayOrderRecord order) {
    requireLock();
    orders.put(order.token(), order);
  }

  Optional<AfterpayPayment> payment(String id) {
    requireLock();
    return Optional.ofNullable(payments.get(id));
  }

  Optional<AfterpayPayment> paymentForToken(String token) {
    requireLock();
    String id = paymentIdsByToken.get(token);
    return id == null ? Optional.empty() : payment(id);
  }

  void putPayment(AfterpayPayment payment) {
    requireLock();
    payments.put(payment.id(), payment);
    paymentIdsByToken.put(payment.token(), payment.id());
  }

  List<AfterpayPayment> payments() {
    requireLock();
    return new ArrayList<>(payments.values());
  }

  Optional<AfterpayStoredRefund> refund(String requestId) {
    requireLock();
    return Optional.ofNullable(refundsByRequestId.get(requestId));
  }

  void putRefund(String requestId, AfterpayStoredRefund refund) {
    requireLock();
    refundsByRequestId.put(requestId, refund);
  }

  String nextPaymentId() {
    requireLock();
    return Long.toString(lastPaymentId.incrementAndGet());
  }

  String nextRefundId() {
    requireLock();
    return Long.toString(lastRefundId.incrementAndGet());
  }

  @Override
  public void clear() {
    atomically(
        () -> {
          orders.clear();
          payments.clear();
          paymentIdsByToken.clear();
          refundsByRequestId.clear();
          return null;
        });
  }

  private void requireLock() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("AfterpayStore accessed outside atomically()");
    }
  }
}
