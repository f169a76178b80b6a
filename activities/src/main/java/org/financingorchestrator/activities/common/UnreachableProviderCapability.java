package org.financingorchestrator.activities.common;

import feign.Capability;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import org.financingorchestrator.workflows.common.ProviderFailure;

/**
 * Classifies I/O failures where they happen, next to the error decoder: connect refused, read
 * timeout, connection reset. The request may have reached the provider and only the answer been
 * lost, so the failure is retryable ({@link ProviderFailure#UNREACHABLE}, HTTP status 0) and the
 * provider's idempotency (token, requestId) makes the retry safe. The failure carries the
 * exception's message only: no request body, no headers, no credentials.
 */
public final class UnreachableProviderCapability implements Capability {

  private final String provider;

  public UnreachableProviderCapability(String provider) {
    this.provider = provider;
  }

  @Override
  public Client enrich(Client client) {
    return (request, options) -> execute(client, request, options);
  }

  private Response execute(Client client, Request request, Request.Options options) {
    try {
      return readWhole(client.execute(request, options));
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /**
   * Reads the body inside the client, so that an answer cut off mid-body is classified here as
   * unreachable too, instead of surfacing later as an unclassified decode error.
   */
  private static Response readWhole(Response response) throws IOException {
    if (response.body() == null) {
      return response;
    }
    try (InputStream in = response.body().asInputStream()) {
      return response.toBuilder().body(in.readAllBytes()).build();
    }
  }

  private RuntimeException unreachable(IOException e) {
    String message =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new ProviderFailure(provider, 0, ProviderFailure.UNREACHABLE, message, null, true)
        .toApplicationFailure(null);
  }
}
