package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FieldViolationsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonField root(String json) {
    return JsonField.root(JSON.readTree(json));
  }

  @Test
  void namesNestedAndIndexedFields() {
    JsonField root = root("{\"items\":[{\"name\":\"a\"},{\"name\":7}],\"consumer\":{}}");
    FieldViolations v = new FieldViolations();

    for (JsonField item : v.array(root.get("items"), REQUIRED)) {
      v.text(item.get("name"), REQUIRED, 10);
    }
    v.text(root.get("consumer").get("email"), REQUIRED, 10);

    assertThat(v.summary())
        .isEqualTo("[items[1].name must be a string, consumer.email is required]");
  }

  @Test
  void readsValidValuesWithoutViolations() {
    JsonField root = root("{\"s\":\"abc\",\"n\":3,\"b\":true,\"o\":{},\"a\":[]}");
    FieldViolations v = new FieldViolations();

    assertThat(v.text(root.get("s"), REQUIRED, 3)).isEqualTo("abc");
    assertThat(v.wholeNumber(root.get("n"), REQUIRED, 1, 3)).isEqualTo(3L);
    assertThat(v.bool(root.get("b"), REQUIRED)).isTrue();
    assertThat(v.object(root.get("o"), REQUIRED)).isNotNull();
    assertThat(v.array(root.get("a"), REQUIRED)).isEmpty();
    assertThat(v.text(root.get("missing"), OPTIONAL, 3)).isNull();
    assertThat(v.isEmpty()).isTrue();
  }

  @Test
  void reportsEachBrokenRule() {
    JsonField root =
        root(
            "{\"s\":\"abcd\",\"blank\":\""
                + " \",\"n\":1.5,\"big\":9,\"b\":\"yes\",\"o\":[],\"a\":{},\"nul\":null}");
    FieldViolations v = new FieldViolations();

    v.text(root.get("s"), REQUIRED, 3);
    v.text(root.get("blank"), REQUIRED, 3);
    v.wholeNumber(root.get("n"), REQUIRED, 0, 5);
    v.wholeNumber(root.get("big"), REQUIRED, 0, 5);
    v.bool(root.get("b"), REQUIRED);
    v.object(root.get("o"), REQUIRED);
    v.array(root.get("a"), REQUIRED);
    v.text(root.get("nul"), REQUIRED, 3);

    assertThat(v.messages())
        .containsExactly(
            "s must be at most 3 characters long",
            "blank must not be blank",
            "n must be a whole number",
            "big must be between 0 and 5 (was 9)",
            "b must be true or false",
            "o must be an object",
            "a must be an array",
            "nul is required");
  }
}
