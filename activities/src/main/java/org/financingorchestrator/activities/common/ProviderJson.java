package org.financingorchestrator.activities.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The Jackson 2 setup every provider client shares (Feign's codec and error bodies). */
public final class ProviderJson {

  private ProviderJson() {}

  /**
   * A new mapper: java.time as ISO-8601 strings, decimals as BigDecimal (never double), unknown
   * fields ignored (providers add fields), nulls left out of requests (optional fields are absent,
   * not null).
   */
  public static ObjectMapper newObjectMapper() {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }
}
