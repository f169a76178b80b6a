package org.financingorchestrator.activities.flexiti;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** JSON for every body but the token form, which goes form-encoded. */
final class FlexitiEncoder implements Encoder {

  private final Encoder json;

  FlexitiEncoder(Encoder json) {
    this.json = json;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) throws EncodeException {
    if (object instanceof FlexitiTokenForm form) {
      template.removeHeader("Content-Type");
      template.header("Content-Type", "application/x-www-form-urlencoded");
      template.body(form.encoded().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      return;
    }
    json.encode(object, bodyType, template);
  }
}
