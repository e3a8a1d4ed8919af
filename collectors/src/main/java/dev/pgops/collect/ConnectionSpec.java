package dev.pgops.collect;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where and as whom to connect, resolved like libpq/psql: explicit parameters, then the connection
 * string (a JDBC URL {@code jdbc:postgresql://…} or a libpq URI {@code postgresql://…} /
 * {@code postgres://…}), then the environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD,
 * PGSSLMODE, PGPASSFILE), then the password file ({@code ~/.pgpass}), then libpq's defaults
 * (host localhost, port 5432, user = OS user, database = user).
 *
 * <p>{@link #toString()} and {@link #describe()} never include the password.
 *
 * @param sslMode libpq sslmode or null (driver default)
 * @param password null when none was found
 */
public record ConnectionSpec(String host, int port, String database, String user, String password, String sslMode) {

  public static final int DEFAULT_PORT = 5432;

  public ConnectionSpec {
    if (host == null || host.isBlank()) host = "localhost";
    if (port <= 0 || port > 65535) throw new IllegalArgumentException("invalid port " + port);
    if (user == null || user.isBlank()) throw new IllegalArgumentException("user must be set");
    if (database == null || database.isBlank()) database = user;
  }

  /** Resolves from a connection string (or null) with no explicit overrides. */
  public static ConnectionSpec resolve(String urlOrNull, Map<String, String> env, Path home) {
    return resolve(urlOrNull, Map.of(), env, home);
  }

  /**
   * Resolves a connection spec.
   *
   * @param urlOrNull JDBC URL, libpq URI, or null
   * @param explicit libpq keywords given explicitly (host, port, dbname, user, password, sslmode,
   *     passfile); they win over everything else
   * @param env the environment (System.getenv() in production)
   * @param home the user's home directory, for {@code ~/.pgpass}; may be null
   */
  public static ConnectionSpec resolve(String urlOrNull, Map<String, String> explicit, Map<String, String> env, Path home) {
    Map<String, String> uri = urlOrNull == null || urlOrNull.isBlank() ? Map.of() : parseUrl(urlOrNull.trim());
    Map<String, String> ex = explicit == null ? Map.of() : explicit;
    Map<String, String> e = env == null ? Map.of() : env;

    String host = first(ex.get("host"), uri.get("host"), e.get("PGHOST"), "localhost");
    if (host.contains(",")) host = host.substring(0, host.indexOf(','));
    if (host.startsWith("/") || host.startsWith("@")) {
      // a Unix-socket directory: pgjdbc speaks TCP only, so use the loopback interface libpq would name "localhost"
      host = "localhost";
    }
    String portText = first(ex.get("port"), uri.get("port"), e.get("PGPORT"), String.valueOf(DEFAULT_PORT));
    if (portText.contains(",")) portText = portText.substring(0, portText.indexOf(','));
    int port;
    try {
      port = Integer.parseInt(portText.trim());
    } catch (NumberFormatException nfe) {
      throw new IllegalArgumentException("invalid port \"" + portText + "\"");
    }
    String user = first(ex.get("user"), uri.get("user"), e.get("PGUSER"), System.getProperty("user.name"));
    String db = first(ex.get("dbname"), uri.get("dbname"), e.get("PGDATABASE"), user);
    String sslMode = first(ex.get("sslmode"), uri.get("sslmode"), e.get("PGSSLMODE"), null);
    String password = first(ex.get("password"), uri.get("password"), e.get("PGPASSWORD"), null);
    if (password == null) {
      String passfile = first(ex.get("passfile"), uri.get("passfile"), e.get("PGPASSFILE"), null);
      Path file = passfile != null ? Path.of(passfile) : home == null ? null : home.resolve(".pgpass");
      if (file != null) password = passwordFromFile(file, host, port, db, user);
    }
    return new ConnectionSpec(host, port, db, user, password, sslMode);
  }

  /** The JDBC URL, without credentials. */
  public String jdbcUrl() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + h + ":" + port + "/" + encodePath(database);
  }

  /** Driver properties: user, password, sslmode. */
  public Properties jdbcProperties() {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    if (sslMode != null) p.setProperty("sslmode", sslMode);
    return p;
  }

  /** A URI naming host, port, database and user, e.g. {@code postgresql://alice@db1:5432/app}; no password. */
  public String describe() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "postgresql://" + user + "@" + h + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Replaces every occurrence of the password in {@code text} by {@code ***}; null stays null. */
  public String redact(String text) {
    if (text == null || password == null || password.isEmpty()) return text;
    return text.replace(password, "***");
  }

  // --- connection strings -------------------------------------------------------------------------

  static Map<String, String> parseUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) return parseJdbc(url.substring("jdbc:postgresql:".length()));
    if (lower.startsWith("postgresql://")) return parseUri(url.substring("postgresql://".length()));
    if (lower.startsWith("postgres://")) return parseUri(url.substring("postgres://".length()));
    throw new IllegalArgumentException("not a PostgreSQL connection URL (expected jdbc:postgresql://, postgresql:// or postgres://)");
  }

  private static Map<String, String> parseJdbc(String rest) {
    Map<String, String> out = new HashMap<>();
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
      int slash = rest.indexOf('/');
      String hostPart = slash >= 0 ? rest.substring(0, slash) : rest;
      String db = slash >= 0 ? rest.substring(slash + 1) : "";
      hostPort(hostPart, out);
      if (!db.isEmpty()) out.put("dbname", decode(db));
    } else if (!rest.isEmpty()) {
      out.put("dbname", decode(rest));
    }
    if (query != null) {
      Map<String, String> params = queryParams(query);
      copy(params, "user", out, "user");
      copy(params, "password", out, "password");
      copy(params, "sslmode", out, "sslmode");
      if (!out.containsKey("sslmode") && "true".equalsIgnoreCase(params.get("ssl"))) out.put("sslmode", "require");
      copy(params, "PGHOST", out, "host");
      copy(params, "PGPORT", out, "port");
      copy(params, "PGDBNAME", out, "dbname");
    }
    return out;
  }

  private static Map<String, String> parseUri(String rest) {
    Map<String, String> out = new HashMap<>();
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash >= 0 ? rest.substring(0, slash) : rest;
    String db = slash >= 0 ? rest.substring(slash + 1) : "";
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String u = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (!u.isEmpty()) out.put("user", decode(u));
      if (colon >= 0) out.put("password", decode(userInfo.substring(colon + 1)));
    }
    hostPort(authority, out);
    if (!db.isEmpty()) out.put("dbname", decode(db));
    if (query != null) {
      Map<String, String> params = queryParams(query);
      for (String k : List.of("host", "port", "dbname", "user", "password", "sslmode", "passfile")) {
        copy(params, k, out, k);
      }
    }
    return out;
  }

  private static void hostPort(String hostPart, Map<String, String> out) {
    if (hostPart.isEmpty()) return;
    int comma = hostPart.indexOf(',');
    if (comma >= 0) hostPart = hostPart.substring(0, comma); // several hosts: the first one
    String host;
    String port = null;
    if (hostPart.startsWith("[")) {
      int close = hostPart.indexOf(']');
      host = hostPart.substring(1, close);
      if (close + 1 < hostPart.length() && hostPart.charAt(close + 1) == ':') port = hostPart.substring(close + 2);
    } else {
      int colon = hostPart.lastIndexOf(':');
      host = colon >= 0 ? hostPart.substring(0, colon) : hostPart;
      if (colon >= 0) port = hostPart.substring(colon + 1);
    }
    if (!host.isEmpty()) out.put("host", decode(host));
    if (port != null && !port.isEmpty()) out.put("port", port);
  }

  private static Map<String, String> queryParams(String query) {
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq >= 0 ? pair.substring(0, eq) : pair);
      String v = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
      params.put(k, v);
    }
    return params;
  }

  private static void copy(Map<String, String> from, String key, Map<String, String> to, String as) {
    String v = from.get(key);
    if (v != null && !v.isEmpty()) to.put(as, v);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encodePath(String s) {
    StringBuilder b = new StringBuilder();
    for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
      int ch = c & 0xff;
      if (Character.isLetterOrDigit(ch) && ch < 128 || "-._~".indexOf(ch) >= 0) b.append((char) ch);
      else b.append('%').append(String.format("%02X", ch));
    }
    return b.toString();
  }

  private static String first(String... candidates) {
    for (String c : candidates) if (c != null && !c.isEmpty()) return c;
    return null;
  }

  // --- password file ------------------------------------------------------------------------------

  /**
   * The password of the first matching line of a libpq password file
   * ({@code hostname:port:database:username:password}, {@code *} matches anything, {@code \:} and
   * {@code \\} escape). Like libpq, the file is ignored when it is missing, not a regular file, or
   * readable by group or others.
   */
  static String passwordFromFile(Path file, String host, int port, String db, String user) {
    if (!Files.isRegularFile(file)) return null;
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : perms) {
        if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) return null;
      }
    } catch (UnsupportedOperationException | IOException ignored) {
      // not a POSIX file system: no permission check, as libpq on Windows
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    String[] want = {host, String.valueOf(port), db, user};
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) continue;
      List<String> fields = splitPgpass(line);
      if (fields.size() < 5) continue;
      boolean match = true;
      for (int i = 0; i < 4 && match; i++) {
        String f = fields.get(i);
        match = f.equals("*") || f.equals(want[i]);
      }
      if (match) return fields.get(4);
    }
    return null;
  }

  private static List<String> splitPgpass(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
      } else if (c == ':') {
        out.add(cur.toString());
        cur.setLength(0);
        if (out.size() == 5) return out; // an unescaped colon ends the password field, as in libpq
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
