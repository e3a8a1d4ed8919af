package dev.pgops.snapshot;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * One collector's output: either the value it collected, or why it could not (permission, missing
 * extension, error). Missing data is never an empty list: rules must be able to tell "none" from "unknown".
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Section.Collected.class, name = "collected"),
    @JsonSubTypes.Type(value = Section.Unavailable.class, name = "unavailable")})
public sealed interface Section<T> {

  record Collected<T>(T value) implements Section<T> {
    public Collected {
      if (value == null) throw new IllegalArgumentException("collected value must not be null");
    }
  }

  record Unavailable<T>(String reason) implements Section<T> {
    public Unavailable {
      reason = reason == null || reason.isBlank() ? "not collected" : reason;
    }
  }

  static <T> Section<T> of(T value) {
    return new Collected<>(value);
  }

  static <T> Section<T> unavailable(String reason) {
    return new Unavailable<>(reason);
  }

  default Optional<T> collected() {
    return this instanceof Collected<T> c ? Optional.of(c.value()) : Optional.empty();
  }

  default boolean isCollected() {
    return this instanceof Collected<?>;
  }

  /** The reason when unavailable, else empty. */
  default Optional<String> unavailableReason() {
    return this instanceof Unavailable<T> u ? Optional.of(u.reason()) : Optional.empty();
  }
}
