package org.financingorchestrator.sandbox.afterpay;

import org.financingorchestrator.sandbox.common.ProviderErrorFormat;
import org.financingorchestrator.sandbox.common.RandomIds;

/** Afterpay errors: {errorCode, errorId, message, httpStatusCode}, errorId 16 hex digits. */
final class AfterpayErrorFormat implements ProviderErrorFormat {

  @Override
  public Object body(int status, String errorCode, String message) {
    return new AfterpayError(errorCode, RandomIds.hex(16), message, status);
  }
}
