package org.financingorchestrator.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import org.financingorchestrator.activities.affirm.AffirmActivitiesImpl;
import org.financingorchestrator.activities.affirm.AffirmClientSettings;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.activities.afterpay.AfterpayClientSettings;
import org.financingorchestrator.activities.flexiti.FlexitiActivitiesImpl;
import org.financingorchestrator.activities.flexiti.FlexitiClientSettings;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.common.codec.AesGcmPayloadCodec;
import org.financingorchestrator.workflows.common.codec.PayloadKeyring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    properties = {
      "spring.config.name=worker",
      "spring.temporal.test-server.enabled=true",
      "server.port=0",
      "management.server.port=0",
      "providers.afterpay.secret-key=worker-test-secret",
      "providers.affirm.private-api-key=worker-test-private"
    })
class WorkerApplicationTest {

  @Autowired ApplicationContext context;
  @Autowired WorkerFactory workerFactory;
  @Autowired AfterpayClientSettings afterpay;
  @Autowired AffirmClientSettings affirm;
  @Autowired WorkflowClient client;

  /** A key of this run only: none is shipped. */
  @DynamicPropertySource
  static void payloadKey(DynamicPropertyRegistry registry) {
    registry.add("payload-encryption.keys.test", PayloadKeyring::newBase64Key);
  }

  @Test
  void hostsTheAfterpayWorkerWithItsActivitiesFromWorkerYaml() {
    // worker.yaml names the task queue the API starts flows on: the workflow interface's.
    assertThat(workerFactory.getWorker(AfterpayCheckoutWorkflow.TASK_QUEUE)).isNotNull();
    assertThat(context.getBean("afterpayActivities")).isInstanceOf(AfterpayActivitiesImpl.class);
    assertThat(afterpay.baseUrl()).hasToString("http://localhost:8090/afterpay");
  }

  @Test
  void hostsTheFlexitiWorkerWithItsActivitiesFromWorkerYaml() {
    assertThat(workerFactory.getWorker(FlexitiPurchaseWorkflow.TASK_QUEUE)).isNotNull();
    assertThat(context.getBean("flexitiActivities")).isInstanceOf(FlexitiActivitiesImpl.class);
    assertThat(context.getBean(FlexitiClientSettings.class).baseUrl()).hasToString("http://localhost:8090/flexiti");
    assertThat(context.getBean(FlexitiClientSettings.class).toString()).doesNotContain("sandbox-client-secret");
  }

  @Test
  void hostsTheAffirmWorkerWithItsActivitiesFromWorkerYaml() {
    assertThat(workerFactory.getWorker(AffirmCheckoutWorkflow.TASK_QUEUE)).isNotNull();
    assertThat(context.getBean("affirmActivities")).isInstanceOf(AffirmActivitiesImpl.class);
    assertThat(affirm.baseUrl()).hasToString("http://localhost:8090/affirm");
    assertThat(affirm.toString()).doesNotContain("worker-test-private").contains("privateApiKey=****");
  }

  @Test
  void neverPrintsTheSecretKey() {
    assertThat(afterpay.toString()).doesNotContain("worker-test-secret").contains("secretKey=****");
  }

  @Test
  void encryptsWhatItSendsToTemporal() {
    Payload payload = client.getOptions().getDataConverter().toPayload("joe@example.com").orElseThrow();

    assertThat(AesGcmPayloadCodec.isEncrypted(payload)).isTrue();
    assertThat(payload.getMetadataOrThrow(AesGcmPayloadCodec.METADATA_KEY_ID).toStringUtf8()).isEqualTo("test");
    assertThat(payload.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("joe@example.com");
  }
}
