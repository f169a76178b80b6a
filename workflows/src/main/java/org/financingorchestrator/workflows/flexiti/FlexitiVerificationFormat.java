package org.financingorchestrator.workflows.flexiti;

import java.util.Arrays;
import java.util.Optional;

/** Flexiti's verification formats, with their wire names. */
public enum FlexitiVerificationFormat {
  /** The merchant vouches for the customer: Flexiti answers the code at once. */
  OVERRIDE("override"),
  /** Flexiti texts a code to the customer; the clerk enters it. */
  SMS("sms"),
  /** Flexiti emails a code to the customer; the clerk enters it. */
  EMAIL("email"),
  /** The customer answers their security question; Flexiti answers the code at once. */
  SECURITY_QUESTION("security_question");

  private final String wireName;

  FlexitiVerificationFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** True when the code reaches the customer, not the flow: the clerk must enter it. */
  public boolean sendsCode() {
    return this == SMS || this == EMAIL;
  }

  public static Optional<FlexitiVerificationFormat> ofWireName(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
  }
}
