package org.financingorchestrator.api.merchants;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The configured merchants: who an API key belongs to, and each merchant's settings. */
@Component
public class Merchants {

  /**
   * Lowercase letters and digits: a merchant id is part of every flow id
   * ({@code <provider>-<merchantId>-<reference>}), and with no '-' in it that id reads one way only.
   */
  public static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");
  private static final Pattern KEY_HASH = Pattern.compile("[0-9a-fA-F]{64}");

  private final List<Merchant> merchants;
  /** Each merchant's key hashes, decoded once. */
  private final List<byte[][]> hashes;

  public Merchants(MerchantsProperties properties) {
    properties.merchants().forEach(Merchants::requireValid);
    this.merchants =
        properties.merchants().entrySet().stream()
            .map(e -> new Merchant(e.getKey(), e.getValue().keyHashes(), e.getValue().redirectHosts()))
            .toList();
    this.hashes =
        merchants.stream()
            .map(m -> m.keyHashes().stream().map(h -> HexFormat.of().parseHex(h.trim())).toArray(byte[][]::new))
            .toList();
  }

  /**
   * The merchant this key belongs to. Every configured hash is compared, in constant time, so how
   * long it takes says nothing about which merchant or hash came close.
   */
  public Optional<Merchant> byKey(String key) {
    byte[] presented = ApiKeys.digest(key);
    Merchant found = null;
    for (int i = 0; i < merchants.size(); i++) {
      for (byte[] hash : hashes.get(i)) {
        if (MessageDigest.isEqual(hash, presented)) {
          found = merchants.get(i);
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** A configuration mistake stops the app at start, not at a merchant's first request. */
  private static void requireValid(String id, MerchantsProperties.Entry entry) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalStateException("merchants." + id + ": a merchant id must be 1 to 32 of a-z, 0-9");
    }
    if (entry.keyHashes() == null || entry.keyHashes().isEmpty()) {
      throw new IllegalStateException("merchants." + id + ".key-hashes: give at least one");
    }
    for (String hash : entry.keyHashes()) {
      if (hash == null || !KEY_HASH.matcher(hash.trim()).matches()) {
        throw new IllegalStateException("merchants." + id + ".key-hashes: each must be a hex SHA-256 (64 hex digits)");
      }
    }
  }

  public Optional<Merchant> byId(String id) {
    return merchants.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
