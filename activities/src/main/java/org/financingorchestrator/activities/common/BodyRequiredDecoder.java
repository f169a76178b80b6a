package org.financingorchestrator.activities.common;

import feign.Response;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * A success answer with no body, where the call expects one, is a broken answer, not an empty
 * value: Jackson's decoder would turn it into an empty list (no configuration, no refunds) or null,
 * which a flow could read as "nothing there". It fails to decode instead, which {@link
 * MalformedAnswers} classifies as malformed_response. 204 No Content stays an empty value. Calls
 * that expect nothing ({@code void}) are never decoded. Every provider's client decodes through it
 * (ProviderFeign's default; a provider with a decoder of its own wraps it).
 */
public final class BodyRequiredDecoder implements Decoder {

  private static final int NO_CONTENT = 204;

  private final Decoder delegate;

  public BodyRequiredDecoder(Decoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.status() == NO_CONTENT) {
      return delegate.decode(response, type);
    }
    byte[] body = response.body() == null ? new byte[0] : Util.toByteArray(response.body().asInputStream());
    if (body.length == 0) {
      throw new DecodeException(response.status(), "The answer has no body", response.request());
    }
    return delegate.decode(response.toBuilder().body(body).build(), type);
  }
}
