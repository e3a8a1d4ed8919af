package dev.pgops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ChecklistTest {
  @Test
  void builtInChecklistHasUniqueItemsInEveryArea() {
    Checklist c = Checklist.builtIn();
    assertThat(c.items()).hasSizeGreaterThan(30);
    assertThat(c.items()).extracting(ChecklistItem::id).doesNotHaveDuplicates();
    var areas = new HashSet<Area>();
    c.items().forEach(i -> areas.add(i.area()));
    assertThat(areas).containsExactlyInAnyOrder(Area.values());
    assertThat(c.item("MNT-1")).get().satisfies(i -> {
      assertThat(i.area()).isEqualTo(Area.MAINTENANCE);
      assertThat(i.question()).startsWith("Is every database");
    });
  }

  @Test
  void parsesHeadingsAndBoldIdsIgnoringOtherText() {
    Checklist c = Checklist.parse("""
        # Title
        Intro with **NOT-1** inline, not an item.
        ## Security
        - **SEC-1** Are superusers few?
          continued line
        - plain bullet without id
        ## Backups
        * **BAK-9** Is archiving on?
        """);
    assertThat(c.items()).containsExactly(
        new ChecklistItem("SEC-1", Area.SECURITY, "Are superusers few? continued line"),
        new ChecklistItem("BAK-9", Area.BACKUPS, "Is archiving on?"));
  }
}
