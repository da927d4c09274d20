package io.statelessauth;

import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * Request headers holding one field list exactly as given, for the parser's own checks. The JDK's
 * {@code Headers} refuses some values itself (bare CR and LF; since JDK 21 also every character
 * above U+00FF), and another {@code HttpServerProvider} may not; the parser must stand on its own.
 */
final class RawHeaders extends Headers {
  private final String name;
  private final List<String> values;

  private RawHeaders(String name, List<String> values) {
    this.name = name;
    this.values = values;
  }

  /** Headers with {@code name} given {@code values}, unchecked. */
  static Headers of(String name, String... values) {
    return new RawHeaders(name, List.of(values));
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && name.equalsIgnoreCase((String) key);
  }

  @Override
  public List<String> get(Object key) {
    return containsKey(key) ? values : null;
  }

  @Override
  public String getFirst(String key) {
    return containsKey(key) && !values.isEmpty() ? values.get(0) : null;
  }
}
