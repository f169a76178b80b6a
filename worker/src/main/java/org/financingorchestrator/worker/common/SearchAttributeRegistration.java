package org.financingorchestrator.worker.common;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers the flows' search attributes on the namespace before the workers start polling
 * (they start on ApplicationReadyEvent): a workflow that upserts an unregistered attribute fails
 * every workflow task. Each attribute is added on its own, since one that exists already makes
 * the whole request fail with ALREADY_EXISTS.
 */
@Component
public class SearchAttributeRegistration implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private final WorkflowServiceStubs serviceStubs;
  private final String namespace;

  public SearchAttributeRegistration(
      WorkflowServiceStubs serviceStubs, @Value("${spring.temporal.namespace:default}") String namespace) {
    this.serviceStubs = serviceStubs;
    this.namespace = namespace;
  }

  @Override
  public void afterPropertiesSet() {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(serviceStubs.getRawChannel())
                .validateAndBuildWithDefaults());
    for (Map.Entry<String, IndexedValueType> attribute : FlowSearchAttributes.DEFINITIONS.entrySet()) {
      register(operator, attribute.getKey(), attribute.getValue());
    }
  }

  private void register(OperatorServiceStubs operator, String name, IndexedValueType type) {
    try {
      // Waits for the server to be reachable: the local stack may start it a moment earlier.
      operator
          .blockingStub()
          .withWaitForReady()
          .withDeadlineAfter(60, TimeUnit.SECONDS)
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putSearchAttributes(name, type)
                  .build());
      log.info("Registered search attribute {} ({}) on namespace {}", name, type, namespace);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
