package org.financingorchestrator.worker.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.spring.boot.autoconfigure.properties.TemporalProperties;
import io.temporal.spring.boot.autoconfigure.properties.WorkerProperties;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * worker.yaml's tuning (worker.tuning, docs/operations/worker-tuning.md) reaches every task queue's
 * worker, and the environment variables the deploy sets (WORKER_TUNING_*) change it: bound as the
 * Temporal starter binds it, placeholders and relaxed names included.
 */
class WorkerTuningTest {

  @Test
  void everyTaskQueueTakesTheDefaultTuning() throws IOException {
    List<WorkerProperties> workers = temporal(Map.of()).getWorkers();

    assertThat(workers).isNotEmpty();
    assertThat(workers)
        .allSatisfy(
            worker -> {
              assertThat(worker.getCapacity()).as(worker.getTaskQueue() + ": capacity: *tuning").isNotNull();
              assertThat(worker.getCapacity().getMaxConcurrentWorkflowTaskPollers()).isEqualTo(5);
              assertThat(worker.getCapacity().getMaxConcurrentActivityTaskPollers()).isEqualTo(5);
              assertThat(worker.getCapacity().getMaxConcurrentWorkflowTaskExecutors()).isEqualTo(200);
              assertThat(worker.getCapacity().getMaxConcurrentActivityExecutors()).isEqualTo(200);
            });
    assertThat(temporal(Map.of()).getWorkflowCache().getMaxInstances()).isEqualTo(600);
  }

  @Test
  void theEnvironmentTunesEveryTaskQueue() throws IOException {
    TemporalProperties temporal =
        temporal(
            Map.of(
                "WORKER_TUNING_WORKFLOWTASKPOLLERS", "3",
                "WORKER_TUNING_ACTIVITYTASKPOLLERS", "4",
                "WORKER_TUNING_WORKFLOWTASKSLOTS", "30",
                "WORKER_TUNING_ACTIVITYSLOTS", "40",
                "SPRING_TEMPORAL_WORKFLOWCACHE_MAXINSTANCES", "100"));

    assertThat(temporal.getWorkers())
        .allSatisfy(
            worker -> {
              assertThat(worker.getCapacity().getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
              assertThat(worker.getCapacity().getMaxConcurrentActivityTaskPollers()).isEqualTo(4);
              assertThat(worker.getCapacity().getMaxConcurrentWorkflowTaskExecutors()).isEqualTo(30);
              assertThat(worker.getCapacity().getMaxConcurrentActivityExecutors()).isEqualTo(40);
            });
    assertThat(temporal.getWorkflowCache().getMaxInstances()).isEqualTo(100);
  }

  /** spring.temporal as the worker binds it from worker.yaml under these environment variables. */
  private static TemporalProperties temporal(Map<String, Object> environmentVariables) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addLast(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
    for (PropertySource<?> yaml : new YamlPropertySourceLoader().load("worker.yaml", new ClassPathResource("worker.yaml"))) {
      environment.getPropertySources().addLast(yaml);
    }
    ConfigurationPropertySources.attach(environment);
    return Binder.get(environment).bind("spring.temporal", TemporalProperties.class).get();
  }
}
