package org.financingorchestrator.workflows.common;

import io.temporal.common.SearchAttributeKey;
import io.temporal.api.enums.v1.IndexedValueType;
import java.util.Map;

/**
 * Search attributes every flow keeps up to date, so that operators find runs in the Temporal UI
 * (for example {@code FlowProvider = "afterpay" AND FlowState = "CAPTURED"}). They must be
 * registered on the namespace before a workflow upserts them; the worker does it on start.
 */
public final class FlowSearchAttributes {

  public static final SearchAttributeKey<String> PROVIDER = SearchAttributeKey.forKeyword("FlowProvider");
  /** The merchant that started the flow (its API key's merchant). */
  public static final SearchAttributeKey<String> MERCHANT_ID = SearchAttributeKey.forKeyword("MerchantId");
  public static final SearchAttributeKey<String> MERCHANT_REFERENCE =
      SearchAttributeKey.forKeyword("MerchantReference");
  public static final SearchAttributeKey<String> STATE = SearchAttributeKey.forKeyword("FlowState");
  /** The order amount in minor units: exact, and still filterable by range. */
  public static final SearchAttributeKey<Long> AMOUNT_MINOR_UNITS =
      SearchAttributeKey.forLong("OrderAmountMinorUnits");
  public static final SearchAttributeKey<String> CURRENCY = SearchAttributeKey.forKeyword("OrderCurrency");
  /**
   * What the flow asked a provider for and has not settled yet: "capture" or "refund"; unset when
   * everything is settled (for example {@code FlowPending = "refund"}).
   */
  public static final SearchAttributeKey<String> PENDING = SearchAttributeKey.forKeyword("FlowPending");

  /** Name and type of each, as the operator service registers them. */
  public static final Map<String, IndexedValueType> DEFINITIONS =
      Map.of(
          PROVIDER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          MERCHANT_ID.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          MERCHANT_REFERENCE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          STATE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          AMOUNT_MINOR_UNITS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT,
          CURRENCY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          PENDING.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

  private FlowSearchAttributes() {}
}
