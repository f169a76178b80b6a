package org.financingorchestrator.sandbox.afterpay;

import java.util.function.Supplier;
import org.financingorchestrator.sandbox.common.FaultInjector;
import org.financingorchestrator.sandbox.common.InFlightKeys;
import org.springframework.stereotype.Component;

/**
 * Runs an Afterpay operation the way the real service would be met: refused with 409 while another
 * request with the same idempotency key is in progress, then under any armed fault.
 */
@Component
class AfterpayFaults {

  private final FaultInjector injector;
  private final InFlightKeys inFlight = new InFlightKeys();

  AfterpayFaults(FaultInjector injector) {
    this.injector = injector;
  }

  <T> T around(AfterpayOperation operation, Supplier<T> effect) {
    return injector.around(Afterpay.PROVIDER, operation.id(), effect);
  }

  /** As {@link #around}, holding key (kind "token" or "request id") while it runs. */
  <T> T exclusively(AfterpayOperation operation, String kind, String key, Supplier<T> effect) {
    String scopedKey = key == null ? null : operation.id() + ":" + key;
    return inFlight.exclusively(
        scopedKey, () -> around(operation, effect), () -> AfterpayErrors.conflict(kind));
  }
}
