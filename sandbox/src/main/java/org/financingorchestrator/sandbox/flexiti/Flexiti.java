package org.financingorchestrator.sandbox.flexiti;

import java.util.Set;

/** The simulated Flexiti's name in the ledger and fault rules, where it is mounted, and its operations. */
final class Flexiti {

  static final String PROVIDER = "flexiti";
  static final String PATH_PREFIX = "/flexiti";
  static final String CURRENCY = "CAD";

  static final String TOKEN = "token";
  static final String LOGIN = "login";
  static final String LOOKUP = "lookup";
  static final String VERIFY = "verify";
  static final String POST_TRANSACTION = "post_transaction";
  static final String CONFIRM_TRANSACTION = "confirm_transaction";
  static final String CUSTOMER_TRANSACTIONS = "customer_transactions";
  static final String APPLY = "apply";
  static final String CLOSE_ACCOUNT = "close_account";
  static final Set<String> OPERATIONS =
      Set.of(TOKEN, LOGIN, LOOKUP, VERIFY, POST_TRANSACTION, CONFIRM_TRANSACTION, CUSTOMER_TRANSACTIONS, APPLY, CLOSE_ACCOUNT);

  private Flexiti() {}
}
