package dev.pgops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The pgops version, filtered into a resource at build time. */
final class ToolVersion {
  private ToolVersion() {}

  static String get() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
