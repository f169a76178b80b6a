package org.financingorchestrator.api.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  /** The problem document every error answer is (RFC 9457), as a schema component. */
  static final String PROBLEM = "Problem";
  /** The merchants' API key, as a security scheme. */
  static final String MERCHANT_KEY = "merchantKey";

  /**
   * The server URL is this app's configured public address, never one built from the request's
   * Host header, which anyone can forge (and a cache could then serve to others).
   */
  @Bean
  OpenAPI financingOrchestratorApi(CallbacksProperties callbacks) {
    return new OpenAPI()
        .servers(List.of(new Server().url(callbacks.publicBaseUrl().toString())))
        .info(
            new Info()
                .title("financing-orchestrator API")
                .version("v1")
                .description(
                    "Start consumer-financing checkouts, follow them, refund them; and the shopper's "
                        + "return from the provider. Errors are application/problem+json."));
  }

  /**
   * What every operation shares, said once here rather than on each controller, so the document
   * tells the truth also for a later endpoint: merchant endpoints need the API key (and may answer
   * 401); every error is problem+json (springdoc would otherwise give errors the operation's own
   * media type and answer schema); a body can be too large (413) or not JSON (415); and every
   * operation reaches Temporal, which can fail (502) or be unreachable (503). Found missing by
   * deploy/local/fuzz-api.sh, which holds every answer to this document.
   */
  @Bean
  OpenApiCustomizer sharedAnswers() {
    return api -> {
      Components components = api.getComponents() == null ? new Components() : api.getComponents();
      api.setComponents(components);
      if (components.getSchemas() != null) {
        // springdoc's own reading of Spring's ProblemDetail (a nested "properties" object, an
        // absolute "instance"), which is not what goes over the wire.
        components.getSchemas().remove("ProblemDetail");
      }
      components.addSchemas(PROBLEM, problemSchema());
      components.addSecuritySchemes(
          MERCHANT_KEY,
          new SecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("bearer")
              .description("The merchant's API key: Authorization: Bearer <key>"));
      if (api.getPaths() != null) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
            shareAnswers(path, method, operation)));
      }
      amountsAreDecimalStrings(components);
      answersMayHoldNulls(api);
    };
  }

  /** Money goes out as a decimal string (MoneyJsonMixin), not the number springdoc reads off BigDecimal. */
  private static void amountsAreDecimalStrings(Components components) {
    Schema<?> money = components.getSchemas() == null ? null : components.getSchemas().get("Money");
    if (money != null && money.getProperties() != null && money.getProperties().containsKey("amount")) {
      money.getProperties().put(
          "amount",
          new JsonSchema()
              .types(Set.of("string"))
              .pattern("^-?[0-9]+(\\.[0-9]+)?$")
              .description("A plain decimal, as a string: \"21.85\"")
              .example("21.85"));
    }
  }

  /**
   * An answer's member that is not required may be null (a flow not captured yet has
   * {@code "capturedAmount":null}): said so for every schema an answer uses, so a client
   * generated from the document expects it. Request bodies are left as they are.
   */
  private static void answersMayHoldNulls(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    if (schemas == null || api.getPaths() == null) {
      return;
    }
    Deque<String> pending = new ArrayDeque<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
      if (operation.getResponses() != null) {
        operation.getResponses().values().forEach(answer -> {
          if (answer.getContent() != null) {
            answer.getContent().values().forEach(media -> referencedBy(media.getSchema(), pending));
          }
        });
      }
    }));
    Set<String> answered = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      Schema<?> schema = schemas.get(name);
      if (schema != null && answered.add(name)) {
        referencedBy(schema, pending);
      }
    }
    answered.remove(PROBLEM);
    for (String name : answered) {
      Schema<?> schema = schemas.get(name);
      if (schema.getProperties() == null) {
        continue;
      }
      List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
      schema.getProperties().replaceAll((member, property) -> required.contains(member) ? property : nullable(property));
    }
  }

  /** The component names a schema refers to, at any depth. */
  private static void referencedBy(Schema<?> schema, Deque<String> names) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> referencedBy(property, names));
    }
    referencedBy(schema.getItems(), names);
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      referencedBy(values, names);
    }
  }

  private static Schema<?> nullable(Schema<?> property) {
    Schema<?> none = new JsonSchema().types(Set.of("null"));
    if (property.get$ref() != null) {
      return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()), none));
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else if (property.getType() != null) {
      types.add(property.getType());
    } else {
      return property;
    }
    types.add("null");
    property.setTypes(types);
    property.setType(null);
    property.setSpecVersion(SpecVersion.V31);
    return property;
  }

  private static void shareAnswers(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses answers = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(answers);
    if (path.startsWith("/v1/") && !path.startsWith("/v1/callbacks/")) {
      operation.addSecurityItem(new SecurityRequirement().addList(MERCHANT_KEY));
      answers.putIfAbsent("401", new ApiResponse().description("No valid API key"));
    }
    if (operation.getRequestBody() != null) {
      answers.putIfAbsent(
          "413",
          new ApiResponse().description("The body is over api.max-body-size, or larger than Temporal takes"));
      answers.putIfAbsent("415", new ApiResponse().description("The body is not application/json"));
    }
    if (path.startsWith("/v1/")) {
      answers.putIfAbsent("406", new ApiResponse().description("The request does not accept the answer's type"));
      answers.putIfAbsent("502", new ApiResponse().description("Temporal failed to carry out the request"));
      answers.putIfAbsent(
          "503", new ApiResponse().description("Temporal unreachable; repeat the same request (Retry-After)"));
    }
    Content problem =
        new Content()
            .addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    for (Map.Entry<String, ApiResponse> answer : answers.entrySet()) {
      if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
        answer.getValue().setContent(problem);
      }
    }
  }

  /** RFC 9457's members, our own (errors naming fields, a flow's id or status) left open. */
  private static Schema<?> problemSchema() {
    Schema<?> fieldError =
        new ObjectSchema()
            .addProperty("field", new StringSchema().description("The field, as a JSON path: items[0].quantity"))
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description("An error (RFC 9457). Extra members: errors, flowId, flow, code, source")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(fieldError))
        .required(List.of("title", "status"));
  }
}
