package org.financingorchestrator.api.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.financingorchestrator.workflows.common.Money;
import org.springframework.boot.jackson.JacksonMixin;

/**
 * Amounts go out as decimal strings ("21.85"), the way providers and merchants write them, so no
 * client parses money as a binary float.
 */
@JacksonMixin(Money.class)
abstract class MoneyJsonMixin {

  @JsonFormat(shape = JsonFormat.Shape.STRING)
  abstract BigDecimal amount();
}
