package org.financingorchestrator.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Hosts the Temporal workers of every provider flow. Workers and task queues: worker.yaml. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

  public static void main(String[] args) {
    application().run(args);
  }

  /**
   * The app with its own config file name, so that it can share a JVM (the end-to-end test) with
   * the other apps without their application.yaml files shadowing each other.
   */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(WorkerApplication.class).properties("spring.config.name=worker");
  }
}
