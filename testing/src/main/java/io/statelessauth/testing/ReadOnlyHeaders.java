package io.statelessauth.testing;

import com.sun.net.httpserver.Headers;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Request headers a handler can read but not change, as the server's are. */
final class ReadOnlyHeaders extends Headers {
  /** A copy of {@code headers}, each list of values immutable, so that {@code get} hands them out as they are. */
  ReadOnlyHeaders(Headers headers) {
    headers.forEach((name, values) -> super.put(name, List.copyOf(values)));
  }

  @Override
  public Set<String> keySet() {
    return Collections.unmodifiableSet(super.keySet());
  }

  @Override
  public Collection<List<String>> values() {
    return Collections.unmodifiableCollection(super.values());
  }

  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    return Collections.unmodifiableSet(super.entrySet());
  }

  @Override
  public List<String> put(String key, List<String> value) {
    throw readOnly();
  }

  @Override
  public void add(String key, String value) {
    throw readOnly();
  }

  @Override
  public void set(String key, String value) {
    throw readOnly();
  }

  @Override
  public List<String> remove(Object key) {
    throw readOnly();
  }

  @Override
  public void putAll(Map<? extends String, ? extends List<String>> t) {
    throw readOnly();
  }

  @Override
  public void clear() {
    throw readOnly();
  }

  @Override
  public List<String> replace(String key, List<String> value) {
    throw readOnly();
  }

  @Override
  public boolean replace(String key, List<String> oldValue, List<String> newValue) {
    throw readOnly();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super List<String>, ? extends List<String>> function) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("Request headers cannot be changed");
  }
}
