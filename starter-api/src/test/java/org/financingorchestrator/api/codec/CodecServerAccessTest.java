package org.financingorchestrator.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CodecServerAccessTest {

  private static final List<String> UI = List.of("http://localhost:8233");

  @Test
  void theTokenOpensItFromAnywhere() {
    CodecServerAccess access = new CodecServerAccess(new CodecServerProperties("s3cret", false, UI, List.of()));

    assertThat(access.allows(request("203.0.113.7", "api.example", "Bearer s3cret"))).isTrue();
    assertThat(access.allows(request("203.0.113.7", "api.example", "Bearer s3cre"))).isFalse();
    assertThat(access.allows(request("127.0.0.1", "localhost:8080", null))).isFalse();
  }

  @Test
  void noTokenConfiguredOpensNothing() {
    CodecServerAccess access = new CodecServerAccess(new CodecServerProperties(null, false, UI, List.of()));

    assertThat(access.allows(request("127.0.0.1", "localhost:8080", "Bearer "))).isFalse();
    assertThat(access.allows(request("127.0.0.1", "localhost:8080", null))).isFalse();
  }

  @Test
  void theLocalStacksModeLetsInOnlyThisMachineByALoopbackName() {
    CodecServerAccess access = new CodecServerAccess(new CodecServerProperties(null, true, UI, List.of()));

    assertThat(access.allows(request("127.0.0.1", "localhost:8080", null))).isTrue();
    assertThat(access.allows(request("0:0:0:0:0:0:0:1", "[::1]:8080", null))).isTrue();
    assertThat(access.allows(request("127.0.0.1", "127.0.0.1", null))).isTrue();
    assertThat(access.allows(request("192.168.1.20", "localhost:8080", null))).isFalse();
    // A page whose own name was rebound to 127.0.0.1 still says its name in Host.
    assertThat(access.allows(request("127.0.0.1", "attacker.example:8080", null))).isFalse();
    // A wrong token is refused even from here.
    assertThat(access.allows(request("127.0.0.1", "localhost:8080", "Bearer guess"))).isFalse();
  }

  @Test
  void aTrustedNetworkIsLetInWithoutATokenOnlyByALoopbackName() {
    // The compose stack: the browser's connection reaches the container from the Docker host's address.
    CodecServerAccess access =
        new CodecServerAccess(new CodecServerProperties(null, false, UI, List.of("172.30.80.1/32", "fd00:80::/64")));

    assertThat(access.allows(request("172.30.80.1", "localhost:8080", null))).isTrue();
    assertThat(access.allows(request("fd00:80:0:0:0:0:0:7", "localhost:8080", null))).isTrue();
    // Another container on the same network, another network, loopback (not turned on here).
    assertThat(access.allows(request("172.30.80.5", "localhost:8080", null))).isFalse();
    assertThat(access.allows(request("10.0.0.1", "localhost:8080", null))).isFalse();
    assertThat(access.allows(request("127.0.0.1", "localhost:8080", null))).isFalse();
    assertThat(access.allows(request("172.30.80.1", "starter-api:8080", null))).isFalse();
    assertThat(access.allows(request("172.30.80.1", "localhost:8080", "Bearer guess"))).isFalse();
  }

  @Test
  void aTrustedNetworkIsAnAddressNeverAName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CodecServerAccess(new CodecServerProperties(null, false, UI, List.of("gateway.example/32"))));
  }

  @Test
  void theTokenIsNeverPrinted() {
    assertThat(new CodecServerProperties("s3cret", false, UI, List.of()).toString()).doesNotContain("s3cret");
  }

  private static MockHttpServletRequest request(String remoteAddress, String host, String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/codec/decode");
    request.setRemoteAddr(remoteAddress);
    request.addHeader("Host", host);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }
}
