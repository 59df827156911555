package org.openmaap.platform.store;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL login and database as a URL, {@code postgresql://user:password@host:port/db?k=v},
 * whose parameters are pgJDBC's connection properties.
 */
public record DatabaseUrl(
    String host, int port, String database, String user, String password,
    Map<String, String> params) {

  /** PostgreSQL's port, where a URL that names none points. */
  public static final int DEFAULT_PORT = 5432;

  private static final String SCHEME = "postgresql://";
  private static final String SHORT_SCHEME = "postgres://";
  private static final String FORM = "; write postgresql://user:password@host:port/db";

  /** A database URL; {@code password} may be null, {@code params} keep their order. */
  public DatabaseUrl {
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("the database URL names no user" + FORM);
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("the database URL names no host" + FORM);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the database URL's port must be from 1 to 65535, not "
          + port);
    }
    if (database == null || database.isEmpty()) {
      throw new IllegalArgumentException("the database URL names no database" + FORM);
    }
    params = params == null
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * Reads a {@code postgresql://} or {@code postgres://} URL, port {@value #DEFAULT_PORT} unless
   * given, percent-decoding all but the host; throws IllegalArgumentException naming what is
   * wrong, never the password.
   */
  public static DatabaseUrl parse(String url) {
    if (url == null) {
      throw new IllegalArgumentException("no database URL" + FORM);
    }
    String rest;
    if (url.startsWith(SCHEME)) {
      rest = url.substring(SCHEME.length());
    } else if (url.startsWith(SHORT_SCHEME)) {
      rest = url.substring(SHORT_SCHEME.length());
    } else {
      throw new IllegalArgumentException(
          "the database URL must start with postgresql:// or postgres://" + FORM);
    }
    // The authority ends at the first / ? or #, so a password holding one is written
    // percent-encoded; the login ends at the authority's last @, so an unencoded @ still reads.
    int authorityEnd = indexOfAny(rest, "/?#");
    String authority = rest.substring(0, authorityEnd);
    String tail = rest.substring(authorityEnd);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException("the database URL names no user" + FORM);
    }
    String userInfo = authority.substring(0, at);
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
    String password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");

    String hostPort = authority.substring(at + 1);
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the database URL's IPv6 host has no closing ]");
      }
      host = hostPort.substring(0, close + 1);
      String after = hostPort.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw new IllegalArgumentException("the database URL has text after its IPv6 host");
      }
    } else {
      int portColon = hostPort.lastIndexOf(':');
      host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
      portText = portColon < 0 ? null : hostPort.substring(portColon + 1);
    }

    if (tail.indexOf('#') >= 0) {
      throw new IllegalArgumentException("the database URL must not have a #fragment");
    }
    int question = tail.indexOf('?');
    String path = question < 0 ? tail : tail.substring(0, question);
    String name = path.startsWith("/") ? path.substring(1) : path;
    if (name.contains("/")) {
      throw new IllegalArgumentException("the database URL's path must be one database name");
    }
    String database = decode(name, "database");
    Map<String, String> params = question < 0 ? Map.of() : params(tail.substring(question + 1));
    return new DatabaseUrl(host, port(portText), database, user, password, params);
  }

  /** The URL pgJDBC connects to; the user and password go beside it. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + query();
  }

  /** This URL as {@link #parse} reads it, password included: to hand on, never to log. */
  public String url() {
    String login = encode(user) + (password == null ? "" : ":" + encode(password));
    return SCHEME + login + "@" + host + ":" + port + "/" + encode(database) + query();
  }

  /** This URL with the password shown as {@code ***}: what to log or put in a message. */
  public String redacted() {
    String login = encode(user) + (password == null ? "" : ":***");
    return SCHEME + login + "@" + host + ":" + port + "/" + encode(database) + query();
  }

  /** This URL with the parameter {@code key} set to {@code value}, in its place if it had one. */
  public DatabaseUrl withParam(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<>(params);
    changed.put(key, value);
    return new DatabaseUrl(host, port, database, user, password, changed);
  }

  /** The redacted URL: a record would otherwise print the password. */
  @Override
  public String toString() {
    return redacted();
  }

  private String query() {
    if (params.isEmpty()) {
      return "";
    }
    return params.entrySet().stream()
        .map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static int port(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_PORT;
    }
    if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 5) {
      throw new IllegalArgumentException("the database URL's port must be a number, not '" + text
          + "'");
    }
    return Integer.parseInt(text);
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals), "parameter name");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("the database URL has a parameter with no name");
      }
      params.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter " + key));
    }
    return params;
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  // RFC 3986 percent-decoding: unlike a form's, a + stays a +.
  private static String decode(String text, String part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int percent = text.indexOf('%', i);
      if (percent < 0) {
        percent = text.length();
      }
      bytes.writeBytes(text.substring(i, percent).getBytes(StandardCharsets.UTF_8));
      if (percent == text.length()) {
        break;
      }
      int high = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(text.charAt(percent + 2), 16);
      if (low < 0) {
        // The text may be the password: the message names the part only.
        throw new IllegalArgumentException("the database URL's " + part
            + " has a % not followed by two hex digits");
      }
      bytes.write(high * 16 + low);
      i = percent + 3;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  // pgJDBC and parse both decode a %20 as a space; a form's + would not survive parse.
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
