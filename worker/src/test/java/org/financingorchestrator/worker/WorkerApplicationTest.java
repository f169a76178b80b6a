package org.financingorchestrator.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.WorkerFactory;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.activities.afterpay.AfterpayClientSettings;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest(
    properties = {
      "spring.config.name=worker",
      "spring.temporal.test-server.enabled=true",
      "server.port=0",
      "management.server.port=0",
      "providers.afterpay.secret-key=worker-test-secret"
    })
class WorkerApplicationTest {

  @Autowired ApplicationContext context;
  @Autowired WorkerFactory workerFactory;
  @Autowired AfterpayClientSettings afterpay;

  @Test
  void hostsTheAfterpayWorkerWithItsActivitiesFromWorkerYaml() {
    // worker.yaml names the task queue the API starts flows on: the workflow interface's.
    assertThat(workerFactory.getWorker(AfterpayCheckoutWorkflow.TASK_QUEUE)).isNotNull();
    assertThat(context.getBean("afterpayActivities")).isInstanceOf(AfterpayActivitiesImpl.class);
    assertThat(afterpay.baseUrl()).hasToString("http://localhost:8090/afterpay");
  }

  @Test
  void neverPrintsTheSecretKey() {
    assertThat(afterpay.toString()).doesNotContain("worker-test-secret").contains("secretKey=****");
  }
}
