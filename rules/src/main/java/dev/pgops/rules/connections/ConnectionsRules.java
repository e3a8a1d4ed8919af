package dev.pgops.rules.connections;

import dev.pgops.rules.Rule;
import java.util.List;

/** The built-in Connections rules, one per line, alphabetical by class name. */
public final class ConnectionsRules {
  private ConnectionsRules() {}

  public static final List<Rule> ALL = List.of(
      new BlockedSessionsRule(),
      new ConnectionChurnRule(),
      new ConnectionSaturationRule(),
      new IdleConnectionHoardingRule(),
      new IdleInTransactionRule(),
      new LongRunningTransactionRule(),
      new MaxConnectionsOversizedRule());
}
