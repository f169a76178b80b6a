package org.financingorchestrator.worker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.IndexedValueType;
import org.junit.jupiter.api.Test;

class SearchAttributeFlagsTest {

  @Test
  void everyRegisteredAttributeBecomesAStartDevFlagWithTheCliTypeName() {
    assertThat(SearchAttributeFlags.flags())
        .containsExactly(
            "--search-attribute", "FlowPending=Keyword",
            "--search-attribute", "FlowProvider=Keyword",
            "--search-attribute", "FlowState=Keyword",
            "--search-attribute", "FlowWaitingOn=Keyword",
            "--search-attribute", "FlowWaitingSince=Datetime",
            "--search-attribute", "MerchantId=Keyword",
            "--search-attribute", "MerchantReference=Keyword",
            "--search-attribute", "OrderAmountMinorUnits=Int",
            "--search-attribute", "OrderCurrency=Keyword",
            "--search-attribute", "ProviderCallRetried=KeywordList",
            "--search-attribute", "ProviderCallRetries=Int");
  }

  @Test
  void aTypeTheCliCannotNameIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> SearchAttributeFlags.cliType(IndexedValueType.INDEXED_VALUE_TYPE_UNSPECIFIED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SearchAttributeFlags.cliType(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST)).isEqualTo("KeywordList");
  }
}
