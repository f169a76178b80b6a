package org.financingorchestrator.workflows.flexiti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A purchase request's fingerprint: what a repeated start sends instead of the request (which
 * carries personal data), so the flow can tell a retry of its own purchase from another purchase
 * under the same reference. Lower-case hex SHA-256 of every field, in order.
 */
public final class FlexitiPurchaseDigest {

  private FlexitiPurchaseDigest() {}

  public static String of(FlexitiPurchaseRequest r) {
    FlexitiCustomerKey c = r.customer();
    String canonical =
        String.join(
            "\u001f",
            String.valueOf(r.merchantReference()), String.valueOf(r.amount()),
            String.valueOf(c == null ? null : c.vccNumber()), String.valueOf(c == null ? null : c.accountNumber()),
            String.valueOf(c == null ? null : c.firstName()), String.valueOf(c == null ? null : c.lastName()),
            String.valueOf(c == null ? null : c.dob()), String.valueOf(c == null ? null : c.postalCode()),
            String.valueOf(r.verification()), String.valueOf(r.securityQid()), String.valueOf(r.securityAnswer()),
            String.valueOf(r.planId()), String.valueOf(r.term()), String.valueOf(r.holdAuthorization()),
            String.valueOf(r.language()));
    return sha256(canonical);
  }

  /** A return request's fingerprint. */
  public static String ofReturn(FlexitiReturnRequest r) {
    FlexitiCustomerKey c = r.customer();
    return sha256(String.join("\u001f", "return", String.valueOf(r.merchantReference()), String.valueOf(r.transactionId()),
        String.valueOf(r.amount()), String.valueOf(r.language()),
        String.valueOf(c == null ? null : c.vccNumber()), String.valueOf(c == null ? null : c.accountNumber()),
        String.valueOf(c == null ? null : c.firstName()), String.valueOf(c == null ? null : c.lastName()),
        String.valueOf(c == null ? null : c.dob()), String.valueOf(c == null ? null : c.postalCode())));
  }

  /** Lower-case hex SHA-256 of the text. */
  static String sha256(String canonical) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
