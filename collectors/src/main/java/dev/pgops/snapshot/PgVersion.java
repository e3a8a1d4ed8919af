package dev.pgops.snapshot;

/** {@code server_version_num}, e.g. 170002 for 17.2. */
public record PgVersion(int num) {
  public int major() {
    return num / 10000;
  }

  public int minor() {
    return num % 10000;
  }

  public boolean atLeast(int major) {
    return major() >= major;
  }

  @Override
  public String toString() {
    return major() + "." + minor();
  }
}
