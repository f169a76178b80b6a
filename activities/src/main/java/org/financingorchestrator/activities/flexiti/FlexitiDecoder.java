package org.financingorchestrator.activities.flexiti;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/** JSON for every answer but the terms and conditions, which Flexiti serves as HTML (read as text). */
final class FlexitiDecoder implements Decoder {

  private final Decoder json;
  private final Decoder text = new Decoder.Default();

  FlexitiDecoder(Decoder json) {
    this.json = json;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    return type == String.class ? text.decode(response, type) : json.decode(response, type);
  }
}
