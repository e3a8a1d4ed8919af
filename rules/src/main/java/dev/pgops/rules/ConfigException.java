package dev.pgops.rules;

/** A bad {@code pgops.yaml}: the message is one line naming the file and the setting. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
