package org.financingorchestrator.sandbox.common;

import org.springframework.http.MediaType;

/** How one provider shapes its error bodies. */
public interface ProviderErrorFormat {

  Object body(int status, String errorCode, String message);

  default MediaType mediaType() {
    return MediaType.APPLICATION_JSON;
  }
}
