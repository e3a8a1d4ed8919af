package dev.pgops.rules.security;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Security rules, one per line, alphabetical by class name. */
public final class SecurityRules {
  private SecurityRules() {}

  public static final List<Rule> ALL = List.of(
      new Md5PasswordRule(),
      new PasswordExpiredRule(),
      new TooManySuperusersRule());
}
