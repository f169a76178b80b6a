package org.financingorchestrator.workflows.common;

/**
 * A validator's refusal of a merchant reference already used for an operation with other terms
 * (a refund reference with another amount). Its own class, since a validator's refusal reaches
 * the caller as its exception's class name and message: the API answers it with 409 and code
 * {@value FlowFailure#REFERENCE_REUSED}.
 */
public class ReferenceReusedException extends IllegalArgumentException {

  public ReferenceReusedException(String message) {
    super(message);
  }
}
