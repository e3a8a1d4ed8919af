package dev.pgops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A node of a backup tool's JSON together with its path from the document root ({@code [0].backup[1].timestamp}),
 * so that every "wrong shape" names the key that did not fit. Required accessors throw
 * {@link UnsupportedFormatException} when the key is missing or has another type; optional ones return null for a
 * missing key or a JSON null, and still throw on another type. Integers are read exactly (never through a double).
 *
 * @param what the tool command and the source, e.g. {@code pgbackrest info (file /tmp/info.json)}
 * @param path the path of this node, "" for the root
 * @param node the node (may be a missing node)
 */
record JsonAt(String what, String path, JsonNode node) {
  static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

  static JsonAt root(String what, JsonNode node) {
    return new JsonAt(what, "", node);
  }

  UnsupportedFormatException unsupported(String problem) {
    return new UnsupportedFormatException(what + ": " + (path.isEmpty() ? "top level" : path) + ": " + problem);
  }

  /** The child {@code key} (possibly missing). */
  JsonAt at(String key) {
    return new JsonAt(what, path.isEmpty() ? key : path + "." + key, node.path(key));
  }

  boolean present() {
    return !node.isMissingNode() && !node.isNull();
  }

  boolean has(String key) {
    return at(key).present();
  }

  JsonAt object(String key) {
    return at(key).requireObject();
  }

  /** The object at {@code key}, or null when missing / null. */
  JsonAt optObject(String key) {
    JsonAt c = at(key);
    return c.present() ? c.requireObject() : null;
  }

  JsonAt requireObject() {
    if (!node.isObject()) throw typeError("an object");
    return this;
  }

  JsonAt requireArray() {
    if (!node.isArray()) throw typeError("an array");
    return this;
  }

  List<JsonAt> array(String key) {
    return at(key).elements();
  }

  /** The elements at {@code key}; empty when missing / null. */
  List<JsonAt> optArray(String key) {
    JsonAt c = at(key);
    return c.present() ? c.elements() : List.of();
  }

  /** This node's elements (it must be an array). */
  List<JsonAt> elements() {
    requireArray();
    List<JsonAt> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) out.add(new JsonAt(what, path + "[" + i + "]", node.get(i)));
    return out;
  }

  /** This object's fields in document order (it must be an object). */
  List<Map.Entry<String, JsonAt>> fields() {
    requireObject();
    List<Map.Entry<String, JsonAt>> out = new ArrayList<>(node.size());
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      out.add(Map.entry(k, at(k)));
    }
    return out;
  }

  String text(String key) {
    JsonAt c = at(key);
    if (!c.present()) throw c.missing();
    return c.asText();
  }

  String optText(String key) {
    JsonAt c = at(key);
    return c.present() ? c.asText() : null;
  }

  String asText() {
    if (!node.isTextual()) throw typeError("a string");
    return node.textValue();
  }

  long longValue(String key) {
    JsonAt c = at(key);
    if (!c.present()) throw c.missing();
    return c.asLong();
  }

  Long optLong(String key) {
    JsonAt c = at(key);
    return c.present() ? c.asLong() : null;
  }

  long asLong() {
    if (!node.isIntegralNumber()) throw typeError("an integer");
    if (!node.canConvertToLong()) throw unsupported("integer " + node.bigIntegerValue() + " is out of range");
    return node.longValue();
  }

  int intValue(String key) {
    long v = longValue(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw at(key).unsupported("integer " + v + " is out of range");
    return (int) v;
  }

  /** An unsigned 64-bit integer (a JSON number, read exactly), or null when missing / null. */
  BigInteger optUnsigned(String key) {
    JsonAt c = at(key);
    return c.present() ? c.asUnsigned() : null;
  }

  BigInteger unsigned(String key) {
    JsonAt c = at(key);
    if (!c.present()) throw c.missing();
    return c.asUnsigned();
  }

  BigInteger asUnsigned() {
    if (!node.isIntegralNumber()) throw typeError("an unsigned 64-bit integer");
    BigInteger v = node.bigIntegerValue();
    if (v.signum() < 0 || v.compareTo(UINT64_LIMIT) >= 0) {
      throw unsupported(v + " is not an unsigned 64-bit integer");
    }
    return v;
  }

  boolean bool(String key) {
    JsonAt c = at(key);
    if (!c.present()) throw c.missing();
    return c.asBool();
  }

  Boolean optBool(String key) {
    JsonAt c = at(key);
    return c.present() ? c.asBool() : null;
  }

  boolean asBool() {
    if (!node.isBoolean()) throw typeError("true or false");
    return node.booleanValue();
  }

  UnsupportedFormatException missing() {
    return unsupported("missing");
  }

  UnsupportedFormatException typeError(String expected) {
    if (node.isMissingNode()) return missing();
    return unsupported("expected " + expected + ", found " + kind(node));
  }

  static String kind(JsonNode n) {
    if (n.isMissingNode()) return "nothing";
    if (n.isNull()) return "null";
    if (n.isObject()) return "an object";
    if (n.isArray()) return "an array";
    if (n.isTextual()) return "a string";
    if (n.isBoolean()) return "a boolean";
    if (n.isIntegralNumber()) return "an integer";
    if (n.isNumber()) return "a decimal number";
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
