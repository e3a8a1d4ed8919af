package dev.pgops.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Rule + location, hashed: stable across runs because it holds no figures and no message text. */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(String ruleId, Location location) {
    String text = ruleId + "|" + (location == null ? "" : location.key());
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
