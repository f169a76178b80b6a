package org.financingorchestrator.worker.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.WorkerFactory;
import org.financingorchestrator.activities.chargeafter.ChargeAfterActivitiesImpl;
import org.financingorchestrator.activities.chargeafter.ChargeAfterClientSettings;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.common.codec.PayloadKeyring;
import org.junit.jupiter.api.Test;
import org.financingorchestrator.worker.WorkerApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "spring.config.name=worker",
      "spring.temporal.test-server.enabled=true",
      "server.port=0",
      "management.server.port=0",
      "providers.chargeafter.private-key=worker-test-private-key"
    })
class ChargeAfterWorkerTest {

  @Autowired ApplicationContext context;
  @Autowired WorkerFactory workerFactory;
  @Autowired ChargeAfterClientSettings chargeAfter;

  @DynamicPropertySource
  static void payloadKey(DynamicPropertyRegistry registry) {
    registry.add("payload-encryption.keys.test", PayloadKeyring::newBase64Key);
  }

  @Test
  void hostsTheSendLinkWorkerOnTheWorkflowsTaskQueueWithItsActivities() {
    assertThat(workerFactory.getWorker(ChargeAfterSendLinkWorkflow.TASK_QUEUE)).isNotNull();
    assertThat(context.getBean("chargeAfterActivities")).isInstanceOf(ChargeAfterActivitiesImpl.class);
    assertThat(chargeAfter.baseUrl()).hasToString("http://localhost:8090/chargeafter");
    assertThat(chargeAfter.toString()).doesNotContain("worker-test-private-key").contains("privateKey=****");
  }
}
