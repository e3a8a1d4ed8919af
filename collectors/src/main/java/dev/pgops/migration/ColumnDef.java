package dev.pgops.migration;

import dev.pgops.migration.SqlTokens.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A column definition read from the tokens of {@code CREATE TABLE (…)} or {@code ALTER TABLE … ADD COLUMN}, or
 * the new type of {@code ALTER COLUMN … TYPE}.
 *
 * @param name        the column name as written
 * @param type        the type, lower case, single-spaced, no spaces around parentheses and commas
 *                    ({@code varchar(20)}, {@code timestamp with time zone}, {@code numeric(10,2)}); "" when absent
 * @param defaultExpr the DEFAULT expression as written (tokens joined by spaces), or null
 * @param notNull     NOT NULL given
 * @param primaryKey  PRIMARY KEY given on the column
 * @param unique      UNIQUE given on the column
 * @param references  the referenced table of a column REFERENCES, or null
 * @param check       a column CHECK given
 * @param generated   {@code "stored"} / {@code "virtual"} for {@code GENERATED ALWAYS AS (…)} columns (no keyword:
 *                    virtual, PostgreSQL 18's default), else null
 * @param identity    true for {@code GENERATED … AS IDENTITY}
 */
public record ColumnDef(String name, String type, String defaultExpr, boolean notNull, boolean primaryKey,
                        boolean unique, String references, boolean check, String generated, boolean identity) {

    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY",
            "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE", "COMPRESSION", "STORAGE", "USING", "DEFERRABLE",
            "INITIALLY");
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial4", "bigserial", "serial8",
            "smallserial", "serial2");

    /** True for serial / bigserial / smallserial, which add a sequence default filled for every row. */
    public boolean serial() {
        return SERIAL_TYPES.contains(type);
    }

    /**
     * Reads a column definition from {@code tokens} (name first) whose top level is at paren depth {@code depth}.
     * Returns null when the tokens do not start with an identifier.
     */
    public static ColumnDef parse(List<Token> tokens, int depth) {
        if (tokens.isEmpty() || !tokens.get(0).isIdent()) return null;
        String name = tokens.get(0).text();
        int i = 1;
        StringBuilder type = new StringBuilder();
        while (i < tokens.size() && !(tokens.get(i).depth() == depth && CONSTRAINT_WORDS.contains(tokens.get(i).upper())
                && tokens.get(i).type() == SqlTokens.Type.WORD)) {
            appendType(type, tokens.get(i));
            i++;
        }
        String defaultExpr = null;
        boolean notNull = false, pk = false, unique = false, check = false, identity = false;
        String references = null, generated = null;
        while (i < tokens.size()) {
            Token k = tokens.get(i);
            if (k.depth() != depth) { i++; continue; }
            switch (k.upper()) {
                case "NOT" -> { if (is(tokens, i + 1, "NULL")) { notNull = true; i++; } }
                case "PRIMARY" -> pk = true;
                case "UNIQUE" -> unique = true;
                case "CHECK" -> check = true;
                case "REFERENCES" -> references = qualified(tokens, i + 1);
                case "DEFAULT" -> {
                    int j = i + 1;
                    StringBuilder d = new StringBuilder();
                    while (j < tokens.size() && !(tokens.get(j).depth() == depth && tokens.get(j).type() == SqlTokens.Type.WORD
                            && CONSTRAINT_WORDS.contains(tokens.get(j).upper()) && !tokens.get(j).is("NULL"))) {
                        d.append(d.length() == 0 ? "" : " ").append(tokens.get(j).text());
                        j++;
                    }
                    defaultExpr = d.toString();
                    i = j - 1;
                }
                case "GENERATED" -> {
                    int j = i + 1;
                    while (j < tokens.size() && !tokens.get(j).isPunct("(") && !tokens.get(j).is("IDENTITY")) j++;
                    if (j < tokens.size() && tokens.get(j).is("IDENTITY")) {
                        identity = true;
                        i = j; // past BY DEFAULT, which is not a DEFAULT clause
                    } else {
                        // no keyword: VIRTUAL, the default since PostgreSQL 18 (older versions require STORED)
                        generated = "stored".equals(afterParens(tokens, j, depth)) ? "stored" : "virtual";
                    }
                }
                default -> { }
            }
            i++;
        }
        return new ColumnDef(name, type.toString(), defaultExpr, notNull || pk, pk, unique, references, check, generated,
                identity);
    }

    /** The new type of {@code ALTER [COLUMN] col [SET DATA] TYPE t [COLLATE …] [USING …]} (tokens start at the column). */
    public static ColumnDef ofTypeChange(List<Token> tokens) {
        if (tokens.isEmpty()) return null;
        int i = 1;
        while (i < tokens.size() && !tokens.get(i).is("TYPE")) i++;
        StringBuilder type = new StringBuilder();
        for (i++; i < tokens.size() && !tokens.get(i).is("USING") && !tokens.get(i).is("COLLATE"); i++) {
            appendType(type, tokens.get(i));
        }
        return new ColumnDef(tokens.get(0).text(), type.toString(), null, false, false, false, null, false, null, false);
    }

    private static void appendType(StringBuilder b, Token t) {
        String s = t.type() == SqlTokens.Type.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text();
        boolean tight = t.isPunct("(") || t.isPunct(")") || t.isPunct(",") || t.isPunct("[") || t.isPunct("]")
                || t.isPunct(".");
        char last = b.length() == 0 ? ' ' : b.charAt(b.length() - 1);
        if (b.length() > 0 && !tight && last != '(' && last != ',' && last != '[' && last != '.') b.append(' ');
        b.append(s);
    }

    private static String afterParens(List<Token> tokens, int open, int depth) {
        int j = open + 1;
        while (j < tokens.size() && tokens.get(j).depth() > depth) j++;
        j++; // the closing parenthesis
        return j < tokens.size() && tokens.get(j).type() == SqlTokens.Type.WORD ? tokens.get(j).text().toLowerCase(Locale.ROOT) : null;
    }

    private static boolean is(List<Token> tokens, int i, String kw) {
        return i < tokens.size() && tokens.get(i).is(kw);
    }

    private static String qualified(List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isIdent()) return null;
        StringBuilder b = new StringBuilder(tokens.get(i).text());
        while (i + 2 < tokens.size() && tokens.get(i + 1).isPunct(".") && tokens.get(i + 2).isIdent()) {
            b.append('.').append(tokens.get(i + 2).text());
            i += 2;
        }
        return b.toString();
    }
}
