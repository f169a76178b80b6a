package org.financingorchestrator.api.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestMerchants;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Every merchant endpoint needs a merchant's API key; callbacks and docs do not. */
@ExtendWith(OutputCaptureExtension.class)
class MerchantKeysApiTest extends ApiTest {

  @Test
  void withoutAKeyEveryMerchantEndpointIs401ProblemJson() {
    Http anonymous = http.withKey(null);
    for (Http.Reply reply :
        new Http.Reply[] {
          anonymous.post(Checkouts.PATH, Checkouts.body(reference("nokey-"))),
          anonymous.get("/v1/flows/afterpay-anything"),
          anonymous.post("/v1/flows/afterpay-anything/refunds", "{}"),
          anonymous.put("/v1/flows/afterpay-anything/courier", "{}")
        }) {
      assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
  }

  /** Found by deploy/local/fuzz-api.sh: the 401 read "type":null,"instance":null,"properties":null. */
  @Test
  void a401HasTheMembersOfEveryOtherProblemAndNoNulls() {
    Http.Reply reply = http.withKey(null).get("/v1/flows/afterpay-anything");

    JsonNode problem = assertProblem(reply, 401);
    assertThat(problem.path("type").asString()).isEqualTo("about:blank");
    assertThat(problem.path("instance").asString()).isEqualTo("/v1/flows/afterpay-anything");
    assertThat(problem.has("properties")).as(reply.toString()).isFalse();
    problem.properties().forEach(member -> assertThat(member.getValue().isNull()).as(member.getKey()).isFalse());
  }

  @Test
  void aWrongKeyIs401AndNeverLogged(CapturedOutput output) {
    String wrong = "wrong-key-" + reference("");
    Http.Reply reply = http.withKey(wrong).post(Checkouts.PATH, Checkouts.body(reference("wrong-")));
    assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(reply.body()).doesNotContain(wrong);
    assertThat(output.getAll()).doesNotContain(wrong);
  }

  @Test
  void bothKeysOfARotationWorkAndNeitherIsLogged(CapturedOutput output) {
    for (String key : new String[] {TestMerchants.A_KEY, TestMerchants.A_ROTATED_KEY}) {
      Http.Reply reply = http.withKey(key).post(Checkouts.PATH, Checkouts.body(reference("rotated-")));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
    assertThat(output.getAll()).doesNotContain(TestMerchants.A_KEY).doesNotContain(TestMerchants.A_ROTATED_KEY);
  }

  @Test
  void callbacksAndDocsNeedNoKey() {
    Http anonymous = http.withKey(null);
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    // Reaches the callback's own checks: no 401.
    assertThat(anonymous.get("/v1/callbacks/afterpay/afterpay-nothing/confirm").status()).isNotEqualTo(401);
  }

  @Test
  void aKeyHashIsTheHexSha256OfTheKey() {
    assertThat(ApiKeys.hash("test-key-merchant-b"))
        .isEqualTo("bf7f64826b0f3db8309404f2dae3baa4d5083195875474c99d79a45143e3c11d");
  }
}
