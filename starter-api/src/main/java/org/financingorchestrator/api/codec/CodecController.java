package org.financingorchestrator.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.swagger.v3.oas.annotations.Hidden;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.UnaryOperator;
import org.financingorchestrator.api.common.ApiExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's codec-server protocol, so that an operator reads payloads decrypted in the Temporal
 * UI or CLI: {@code POST /codec/decode} and {@code /codec/encode} take and answer {@code Payloads}
 * as protobuf JSON ({@code {"payloads":[{"metadata":{"encoding":"<base64>"},"data":"<base64>"}]}}).
 * Only for this app's namespace ({@code X-Namespace}), and only for whom {@link CodecServerAccess}
 * lets in. Not part of the merchant API, so not in its OpenAPI document.
 */
@Hidden
@RestController
class CodecController {

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();

  private final PayloadCodec codec;
  private final CodecServerAccess access;
  private final String namespace;

  CodecController(
      PayloadCodec payloadCodec,
      CodecServerAccess access,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    this.codec = payloadCodec;
    this.access = access;
    this.namespace = namespace;
  }

  /** The protocol names the operation by the path's last segment. */
  @PostMapping("/codec/{operation:decode|encode}")
  ResponseEntity<String> convert(
      HttpServletRequest request,
      @PathVariable String operation,
      @RequestHeader(name = "X-Namespace", required = false) String requestedNamespace,
      @RequestBody String body) {
    UnaryOperator<List<Payload>> conversion = operation.equals("decode") ? codec::decode : codec::encode;
    return convert(request, requestedNamespace, body, conversion);
  }

  private ResponseEntity<String> convert(
      HttpServletRequest request, String requestedNamespace, String body, UnaryOperator<List<Payload>> conversion) {
    if (!access.allows(request)) {
      ErrorResponseException refused =
          refusal(HttpStatus.UNAUTHORIZED, "Unauthorized", "The codec server needs an operator's bearer token.");
      refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      throw refused;
    }
    if (requestedNamespace != null && !requestedNamespace.equals(namespace)) {
      throw refusal(HttpStatus.BAD_REQUEST, "Other namespace", "This codec server serves namespace '" + namespace + "'.");
    }
    Payloads.Builder payloads = Payloads.newBuilder();
    try {
      PARSER.merge(body, payloads);
      List<Payload> converted = conversion.apply(payloads.getPayloadsList());
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(PRINTER.print(Payloads.newBuilder().addAllPayloads(converted)));
    } catch (InvalidProtocolBufferException unreadable) {
      throw refusal(HttpStatus.BAD_REQUEST, "Not payloads", "The body is not Temporal Payloads as protobuf JSON.");
    } catch (PayloadCodecException failed) {
      // Names key ids at most, never key material or payload content.
      throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "Payloads not converted", failed.getMessage());
    }
  }

  private static ErrorResponseException refusal(HttpStatus status, String title, String detail) {
    return new ErrorResponseException(status, ApiExceptionHandler.problem(status, title, detail), null);
  }
}
