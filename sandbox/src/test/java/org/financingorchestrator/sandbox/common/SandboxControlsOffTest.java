package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxApplication;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A sandbox not run as the local sandbox has no controls: nobody can arm faults, reset or read it. */
@SpringBootTest(
    classes = SandboxApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=sandbox", "management.server.port=0"})
class SandboxControlsOffTest {

  @LocalServerPort int port;

  @Test
  void theControlsDoNotExistByDefault() {
    SandboxHttp http = new SandboxHttp(port);

    assertThat(http.call("POST", "/sandbox/faults").json("{\"provider\":\"afterpay\",\"operation\":\"capture\",\"status\":503}").send().status())
        .isEqualTo(404);
    assertThat(http.call("GET", "/sandbox/faults").send().status()).isEqualTo(404);
    assertThat(http.call("POST", "/sandbox/reset").send().status()).isEqualTo(404);
    assertThat(http.call("GET", "/sandbox/ledger").send().status()).isEqualTo(404);
  }
}
