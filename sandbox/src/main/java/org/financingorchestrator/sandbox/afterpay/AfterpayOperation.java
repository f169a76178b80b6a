package org.financingorchestrator.sandbox.afterpay;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The Afterpay calls a fault rule can target, by the names the rules use. */
enum AfterpayOperation {
  CONFIGURATION("configuration"),
  CREATE_ORDER("createOrder"),
  GET_ORDER("getOrder"),
  CAPTURE("capture"),
  GET_PAYMENT("getPayment"),
  LIST_PAYMENTS("listPayments"),
  REFUND("refund"),
  COURIER("courier");

  private final String id;

  AfterpayOperation(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Set<String> ids() {
    return Arrays.stream(values()).map(AfterpayOperation::id).collect(Collectors.toSet());
  }
}
