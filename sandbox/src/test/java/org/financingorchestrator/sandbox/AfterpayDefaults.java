package org.financingorchestrator.sandbox;

/** The sandbox.yaml defaults the tests rely on. */
public final class AfterpayDefaults {

  public static final String MERCHANT_ID = "100101";
  public static final String SECRET_KEY = "sandbox-secret-key";

  private AfterpayDefaults() {}
}
