package org.financingorchestrator.sandbox.afterpay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.RandomIds;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Create Order and Get Order. */
@Service
class AfterpayOrders {

  static final int TOKEN_LENGTH = 52;

  private final AfterpayStore store;
  private final Ledger ledger;
  private final Clock clock;
  private final AfterpayProperties properties;

  AfterpayOrders(AfterpayStore store, Ledger ledger, Clock clock, AfterpayProperties properties) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
  }

  AfterpayOrderToken create(JsonNode body) {
    FieldViolations v = new FieldViolations();
    AfterpayOrder order = AfterpayOrderReader.read(body, v);
    if (order != null) {
      checkLimits(order.totalAmount(), v);
    }
    if (order == null || !v.isEmpty()) {
      throw AfterpayErrors.invalidObject(v);
    }
    return store.atomically(
        () -> {
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          Instant expires = now.plus(properties.orderTtl()).truncatedTo(ChronoUnit.SECONDS);
          String token = newToken();
          store.putOrder(new AfterpayOrderRecord(order.withToken(token, expires), now, null));
          ledger.append(
              AfterpayEffect.ORDER_CREATED
                  .event()
                  .reference("token", token)
                  .amount(order.totalAmount().value(), AfterpayMoney.USD));
          return new AfterpayOrderToken(token, expires);
        });
  }

  AfterpayOrder get(String token) {
    return store
        .atomically(() -> store.order(token).map(AfterpayOrderRecord::order))
        .orElseThrow(() -> AfterpayErrors.notFound("Order"));
  }

  /** The document: an order is rejected unless its total is within the configured range. */
  private void checkLimits(AfterpayMoney total, FieldViolations v) {
    BigDecimal amount = total.value();
    if (amount.compareTo(properties.minimumAmount()) < 0
        || amount.compareTo(properties.maximumAmount()) > 0) {
      v.add(
          "totalAmount",
          "must be between "
              + AfterpayMoney.usd(properties.minimumAmount())
              + " and "
              + AfterpayMoney.usd(properties.maximumAmount())
              + " (was "
              + total
              + ")");
    }
  }

  private String newToken() {
    String token;
    do {
      token = RandomIds.lowerAlphanumeric(TOKEN_LENGTH);
    } while (store.order(token).isPresent());
    return token;
  }
}
