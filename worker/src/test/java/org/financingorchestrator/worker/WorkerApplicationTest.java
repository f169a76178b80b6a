package org.financingorchestrator.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.WorkerFactory;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.worker.afterpay.AfterpayProviderProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest(
    properties = {
      "spring.config.name=worker",
      "spring.temporal.test-server.enabled=true",
      "server.port=0",
      "providers.afterpay.secret-key=worker-test-secret"
    })
class WorkerApplicationTest {

  @Autowired ApplicationContext context;
  @Autowired WorkerFactory workerFactory;
  @Autowired AfterpayProviderProperties afterpay;

  @Test
  void hostsTheAfterpayWorkerWithItsActivitiesFromWorkerYaml() {
    assertThat(workerFactory.getWorker("afterpay-checkouts")).isNotNull();
    assertThat(context.getBean("afterpayActivities")).isInstanceOf(AfterpayActivitiesImpl.class);
    assertThat(afterpay.baseUrl()).hasToString("http://localhost:8090/afterpay");
  }

  @Test
  void neverPrintsTheSecretKey() {
    assertThat(afterpay.toString()).doesNotContain("worker-test-secret").contains("secretKey=****");
  }
}
