package dev.pgops.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- pgops:ignore <rule-id>[,<rule-id>…] <reason>} (for the next statement) or
 * {@code -- pgops:ignore-file <rule-id>[,…] <reason>} (for the whole file), in {@code --} or block comments.
 * The reason is mandatory: a directive without one is not honoured.
 *
 * @param fileWide  ignore-file
 * @param ruleIds   the rules named
 * @param reason    the reason, or "" when missing
 * @param text      the comment as written
 */
public record IgnoreDirective(boolean fileWide, List<String> ruleIds, String reason, String text) {
  private static final Pattern DIRECTIVE = Pattern.compile(
      "pgops:ignore(-file)?(?=\\s|$)\\s*((?:[A-Za-z0-9_-]+\\s*,\\s*)*[A-Za-z0-9_-]+)?\\s*(.*)", Pattern.DOTALL);

  public IgnoreDirective {
    ruleIds = List.copyOf(ruleIds);
  }

  /** The directives in one comment (normally zero or one). */
  public static List<IgnoreDirective> parse(String comment) {
    List<IgnoreDirective> out = new ArrayList<>();
    String c = comment.strip();
    if (c.startsWith("--")) c = c.substring(2);
    else if (c.startsWith("/*")) c = c.substring(2, c.endsWith("*/") ? c.length() - 2 : c.length());
    c = c.strip();
    if (!c.startsWith("pgops:ignore")) return out;
    Matcher m = DIRECTIVE.matcher(c);
    if (!m.matches()) return out;
    List<String> ids = new ArrayList<>();
    if (m.group(2) != null) for (String id : m.group(2).split(",")) ids.add(id.strip());
    String reason = m.group(3).strip().replaceFirst("^[-—:]+\\s*", "").strip();
    out.add(new IgnoreDirective(m.group(1) != null, ids, reason, comment.strip()));
    return out;
  }

  public boolean hasReason() {
    return !reason.isBlank();
  }
}
