package org.financingorchestrator.sandbox.merchant;

/** The shop keeps its orders in memory, up to a bound: past it, a restart empties it. */
class DemoShopFullException extends RuntimeException {

  DemoShopFullException(int orders) {
    super("The demo shop has taken " + orders + " orders; restart the sandbox to empty it.");
  }
}
