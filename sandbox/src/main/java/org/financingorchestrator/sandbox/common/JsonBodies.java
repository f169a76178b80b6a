package org.financingorchestrator.sandbox.common;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a raw request body into a JSON tree. Controllers take bodies as bytes and read them here so
 * that type errors become field-named validation messages instead of framework 400s or 500s.
 */
@Component
public class JsonBodies {

  private final ObjectMapper mapper;

  public JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** True when a Content-Type header names application/json (parameters such as charset allowed). */
  public static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    try {
      return org.springframework.http.MediaType.parseMediaType(contentType)
          .equalsTypeAndSubtype(org.springframework.http.MediaType.APPLICATION_JSON);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return false;
    }
  }

  /** The body as a JSON object; a 400 with {@code errorCode} when empty, malformed or not one. */
  public JsonNode object(byte[] body, String errorCode) {
    if (body == null || body.length == 0) {
      throw new SandboxApiException(400, errorCode, "A JSON request body is required");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JacksonException e) {
      // The parser's own message can quote the body, which may hold personal data.
      throw new SandboxApiException(400, errorCode, "The request body is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new SandboxApiException(400, errorCode, "The request body must be a JSON object");
    }
    return tree;
  }
}
