package org.financingorchestrator.workflows.common;

import io.temporal.common.SearchAttributeKey;
import io.temporal.api.enums.v1.IndexedValueType;
import java.time.OffsetDateTime;
import java.util.List;
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

  /**
   * Who the flow waits on while it waits: "shopper", "provider" or "merchant" ({@link FlowWaiting});
   * unset while nobody is awaited (it ended, or its after-sale window is open).
   */
  public static final SearchAttributeKey<String> WAITING_ON = SearchAttributeKey.forKeyword("FlowWaitingOn");
  /** Since when (workflow time) the flow waits on {@link #WAITING_ON}; unset with it. */
  public static final SearchAttributeKey<OffsetDateTime> WAITING_SINCE =
      SearchAttributeKey.forOffsetDateTime("FlowWaitingSince");
  /**
   * The provider calls (activity types, e.g. "AfterpayCapture") the worker retried for this flow,
   * reported at a few chosen attempts ({@link ProviderCallRetries}).
   */
  public static final SearchAttributeKey<List<String>> CALLS_RETRIED =
      SearchAttributeKey.forKeywordList("ProviderCallRetried");
  /** The most retries any one of {@link #CALLS_RETRIED} was reported at. */
  public static final SearchAttributeKey<Long> CALL_RETRIES = SearchAttributeKey.forLong("ProviderCallRetries");

  /** Name and type of each, as the operator service registers them. */
  public static final Map<String, IndexedValueType> DEFINITIONS =
      Map.ofEntries(
          Map.entry(PROVIDER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(MERCHANT_ID.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(MERCHANT_REFERENCE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(STATE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(AMOUNT_MINOR_UNITS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT),
          Map.entry(CURRENCY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(PENDING.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(WAITING_ON.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(WAITING_SINCE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_DATETIME),
          Map.entry(CALLS_RETRIED.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST),
          Map.entry(CALL_RETRIES.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT));

  private FlowSearchAttributes() {}
}
