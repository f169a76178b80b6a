package org.financingorchestrator.api;

/** The API keys of the merchants in {@code starter-api-test.yaml} (profile "test"), and the demo's. */
public final class TestMerchants {

  public static final String A = "shopa";
  public static final String A_KEY = "test-key-merchant-a-1";
  /** shopa's second key: both are valid, as while a key is rotated. */
  public static final String A_ROTATED_KEY = "test-key-merchant-a-2";
  public static final String B = "shopb";
  public static final String B_KEY = "test-key-merchant-b";
  /** The local profile's demo merchant, as README prints its key. */
  public static final String DEMO_KEY = "local-demo-key-7d3f9c1a5e2b4f80";

  private TestMerchants() {}
}
