package io.statelessauth.example;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parser of the Prometheus text exposition format, version 0.0.4 (what {@code GET /metrics}
 * serves), for the tests: families with their {@code # TYPE} and {@code # HELP}, samples with
 * their labels unescaped and their values as numbers. It reads the format character by
 * character, as the grammar in Prometheus' "Exposition formats" states it, and refuses what
 * breaks it (a sample outside its family, a family declared twice, a bad escape, a missing
 * value) with the line's number: a malformed scrape fails the test rather than being read
 * loosely.
 *
 * <p>No Java library on Maven Central parses the text format: the Prometheus Java client ships
 * writers only (its 1.x {@code prometheus-metrics-exposition-textformats}, the 0.x {@code
 * simpleclient_common}), and the one parser published (Hawkular's {@code prometheus-scraper})
 * has not been kept since 2017. {@link PrometheusTextTest} checks this one against the
 * registry's own writer.
 */
final class PrometheusText {

  /** The suffixes a sample of a family may add to the family's name. */
  private static final Set<String> SUFFIXES =
      Set.of("", "_total", "_created", "_count", "_sum", "_bucket", "_info");

  /** One sample: its name, its labels in order, its value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** A family of samples, with its type ({@code untyped} when not declared) and help. */
  record Family(String name, String type, String help, List<Sample> samples) {}

  private final Map<String, Family> families;

  private PrometheusText(Map<String, Family> families) {
    this.families = Collections.unmodifiableMap(families);
  }

  /** The families, by name, in the order the text gives them. */
  Map<String, Family> families() {
    return families;
  }

  /** Every sample of every family. */
  List<Sample> samples() {
    return families.values().stream().flatMap(family -> family.samples().stream()).toList();
  }

  /**
   * The value of the sample named {@code name} whose labels are exactly {@code labels}.
   *
   * @throws AssertionError when there is no such sample
   */
  double value(String name, Map<String, String> labels) {
    return samples().stream()
        .filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No sample " + name + labels))
        .value();
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the line, when the text breaks the format
   */
  static PrometheusText parse(String text) {
    Map<String, Family> families = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    String current = null;
    String[] lines = text.split("\n", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      try {
        if (line.isBlank()) {
          continue;
        }
        Cursor cursor = new Cursor(line);
        if (cursor.take('#')) {
          cursor.spaces();
          String keyword = cursor.word();
          if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            continue; // a comment
          }
          cursor.space();
          String name = cursor.metricName();
          if (keyword.equals("HELP")) {
            String help = cursor.atEnd() ? "" : cursor.space().help();
            if (helps.put(name, help) != null) {
              throw new IllegalArgumentException("second HELP for " + name);
            }
            Family family = families.get(name);
            if (family != null) {
              families.put(name, new Family(name, family.type(), help, family.samples()));
            }
          } else {
            String type = cursor.space().word();
            if (!Set.of("counter", "gauge", "summary", "histogram", "untyped").contains(type)) {
              throw new IllegalArgumentException("unknown type " + type);
            }
            cursor.end();
            if (families.containsKey(name)) {
              throw new IllegalArgumentException("second TYPE for " + name);
            }
            families.put(name, new Family(name, type, helps.get(name), new ArrayList<>()));
            current = name;
          }
          continue;
        }
        Sample sample = cursor.sample();
        String family = familyOf(sample.name(), current, families);
        if (family == null) {
          // An untyped family of its own, as the format allows.
          if (families.containsKey(sample.name())) {
            throw new IllegalArgumentException(sample.name() + " apart from its family");
          }
          family = sample.name();
          families.put(family, new Family(family, "untyped", helps.get(family), new ArrayList<>()));
          current = family;
        }
        families.get(family).samples().add(sample);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + number + ": " + e.getMessage() + ": " + line, e);
      }
    }
    families.replaceAll((name, family) ->
        new Family(name, family.type(), family.help(), List.copyOf(family.samples())));
    return new PrometheusText(families);
  }

  /** The family {@code sample} belongs to: the current one, when its name and a suffix make it. */
  private static String familyOf(String sample, String current, Map<String, Family> families) {
    if (current == null || !sample.startsWith(current)
        || !SUFFIXES.contains(sample.substring(current.length()))) {
      return null;
    }
    boolean untyped = families.get(current).type().equals("untyped");
    return untyped && !sample.equals(current) ? null : current;
  }

  /** Reads one line. */
  private static final class Cursor {
    private final String line;
    private int at;

    Cursor(String line) {
      this.line = line;
    }

    boolean atEnd() {
      return at == line.length();
    }

    boolean take(char expected) {
      if (!atEnd() && line.charAt(at) == expected) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char expected) {
      if (!take(expected)) {
        throw new IllegalArgumentException("'" + expected + "' expected at column " + (at + 1));
      }
    }

    void spaces() {
      while (take(' ') || take('\t')) {
        // skipped
      }
    }

    Cursor space() {
      if (!take(' ') && !take('\t')) {
        throw new IllegalArgumentException("space expected at column " + (at + 1));
      }
      spaces();
      return this;
    }

    void end() {
      spaces();
      if (!atEnd()) {
        throw new IllegalArgumentException("unexpected text at column " + (at + 1));
      }
    }

    /** Up to the next blank or the end. */
    String word() {
      int start = at;
      while (!atEnd() && line.charAt(at) != ' ' && line.charAt(at) != '\t') {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("word expected at column " + (at + 1));
      }
      return line.substring(start, at);
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    String metricName() {
      return name(true);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    String labelName() {
      return name(false);
    }

    private String name(boolean colons) {
      int start = at;
      while (!atEnd()) {
        char c = line.charAt(at);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
            || (colons && c == ':');
        if (!letter && !(at > start && c >= '0' && c <= '9')) {
          break;
        }
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("name expected at column " + (at + 1));
      }
      return line.substring(start, at);
    }

    /** The rest of the line, with {@code \\} and {@code \n} unescaped. */
    String help() {
      StringBuilder help = new StringBuilder();
      while (!atEnd()) {
        char c = line.charAt(at++);
        if (c == '\\') {
          help.append(escaped("\\n"));
        } else {
          help.append(c);
        }
      }
      return help.toString();
    }

    /** The character after a backslash, which must be one of {@code allowed}. */
    private char escaped(String allowed) {
      if (atEnd() || allowed.indexOf(line.charAt(at)) < 0) {
        throw new IllegalArgumentException("bad escape at column " + at);
      }
      char c = line.charAt(at++);
      return c == 'n' ? '\n' : c;
    }

    /** {@code name [{labels}] value [timestamp]}. */
    Sample sample() {
      String name = metricName();
      Map<String, String> labels = new LinkedHashMap<>();
      int afterName = at;
      spaces();
      boolean spaced = at > afterName;
      if (take('{')) {
        spaces();
        while (!take('}')) {
          String label = labelName();
          spaces();
          expect('=');
          spaces();
          expect('"');
          StringBuilder value = new StringBuilder();
          while (!take('"')) {
            if (atEnd()) {
              throw new IllegalArgumentException("unterminated label value");
            }
            char c = line.charAt(at++);
            value.append(c == '\\' ? escaped("\\\"n") : c);
          }
          if (labels.put(label, value.toString()) != null) {
            throw new IllegalArgumentException("label " + label + " given twice");
          }
          spaces();
          if (!take(',')) {
            expect('}');
            break;
          }
          spaces();
        }
        spaced = false;
      }
      if (!spaced) {
        space();
      }
      double value = number(word());
      if (!atEnd()) {
        space();
        if (!atEnd()) {
          Long.parseLong(word());
        }
      }
      end();
      return new Sample(name, Collections.unmodifiableMap(labels), value);
    }

    private static double number(String text) {
      return switch (text) {
        case "NaN" -> Double.NaN;
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> {
          // Double.parseDouble alone would also take "Infinity", "0x1p3" and "1d".
          for (char c : text.toCharArray()) {
            if ("0123456789.eE+-".indexOf(c) < 0) {
              throw new IllegalArgumentException("not a number: " + text);
            }
          }
          yield Double.parseDouble(text);
        }
      };
    }
  }
}
