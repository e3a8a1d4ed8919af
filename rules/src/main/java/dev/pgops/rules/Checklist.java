package dev.pgops.rules;

import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ops checklist, read with flexmark from Markdown: level-2 headings are areas, bullet items that
 * start with a bold ID ({@code **MNT-1**}) are items.
 */
public record Checklist(List<ChecklistItem> items) {
  private static final Pattern ITEM = Pattern.compile("^\\*\\*([A-Z]+-\\d+)\\*\\*\\s+(.+)$", Pattern.DOTALL);
  public static final String RESOURCE = "/dev/pgops/references/checklist.md";

  public Checklist {
    items = List.copyOf(items);
  }

  /** The checklist packed into the jar from {@code references/checklist.md}. */
  public static Checklist builtIn() {
    try (InputStream in = Checklist.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("checklist resource missing: " + RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Checklist parse(String markdown) {
    Node doc = Parser.builder().build().parse(markdown);
    List<ChecklistItem> items = new ArrayList<>();
    Area area = null;
    for (Node n : doc.getDescendants()) {
      if (n instanceof Heading h && h.getLevel() == 2) {
        area = Area.fromTitle(h.getText().toString());
      } else if (n instanceof BulletListItem li && area != null) {
        String text = li.getChildChars().toString().trim().replaceAll("\\s+", " ");
        Matcher m = ITEM.matcher(text);
        if (m.matches()) items.add(new ChecklistItem(m.group(1), area, m.group(2).trim()));
      }
    }
    return new Checklist(items);
  }

  public Optional<ChecklistItem> item(String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public List<ChecklistItem> items(Area area) {
    return items.stream().filter(i -> i.area() == area).toList();
  }
}
