package org.financingorchestrator.activities.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderJsonTest {

  record Sample(String name, BigDecimal amount, Instant at) {}

  private final ObjectMapper mapper = ProviderJson.newObjectMapper();

  @Test
  void writesInstantsAsIsoStringsAndLeavesNullsOut() throws Exception {
    String json = mapper.writeValueAsString(new Sample(null, new BigDecimal("21.850"), Instant.parse("2015-01-01T00:00:00Z")));

    assertThat(json).isEqualTo("{\"amount\":21.850,\"at\":\"2015-01-01T00:00:00Z\"}");
  }

  @Test
  void readsOffsetsUnknownFieldsAndExactDecimals() throws Exception {
    Sample sample =
        mapper.readValue(
            "{\"name\":\"n\",\"amount\":0.10,\"at\":\"2015-01-01T00:00:00-08:00\",\"extra\":{}}",
            Sample.class);

    assertThat(sample).isEqualTo(new Sample("n", new BigDecimal("0.10"), Instant.parse("2015-01-01T08:00:00Z")));
  }
}
