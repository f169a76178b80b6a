package org.financingorchestrator.sandbox.affirm;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The Affirm calls a fault rule can target, by the names the rules use. */
enum AffirmOperation {
  CHECKOUT("checkout"),
  AUTHORIZE("authorize"),
  READ_CHARGE("readCharge"),
  CAPTURE("capture"),
  VOID("void"),
  REFUND("refund"),
  UPDATE("update");

  private final String id;

  AffirmOperation(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Set<String> ids() {
    return Arrays.stream(values()).map(AffirmOperation::id).collect(Collectors.toSet());
  }
}
