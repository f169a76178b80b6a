package org.financingorchestrator.sandbox.merchant;

/** The shop's three ways to pay, as its buttons name them. */
enum DemoProvider {
  AFTERPAY("afterpay", "Pay with Afterpay"),
  AFFIRM("affirm", "Pay with Affirm"),
  CHARGEAFTER("chargeafter", "Financing by ChargeAfter");

  final String id;
  final String button;

  DemoProvider(String id, String button) {
    this.id = id;
    this.button = button;
  }
}
