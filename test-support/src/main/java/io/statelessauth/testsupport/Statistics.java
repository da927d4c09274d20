package io.statelessauth.testsupport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the checks of a {@link Property} run saw, counted by label and value: for coverage
 * assertions, whose failure message ({@link #toString()}) names the seed like any other failure
 * of the run.
 */
public final class Statistics {
  private final String run;
  private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

  Statistics(String run) {
    this.run = run;
  }

  /** Counts one occurrence of {@code value} under {@code label}. */
  public void collect(String label, Object value) {
    counts.computeIfAbsent(label, l -> new TreeMap<>()).merge(String.valueOf(value), 1, Integer::sum);
  }

  /** How often, in percent of what was collected under {@code label}, {@code value} was. */
  public double percentage(String label, Object value) {
    Map<String, Integer> values = counts.getOrDefault(label, Map.of());
    int total = values.values().stream().mapToInt(Integer::intValue).sum();
    return total == 0 ? 0 : 100.0 * values.getOrDefault(String.valueOf(value), 0) / total;
  }

  /** The run (name, tries, seed), then each label with its values' counts and percentages. */
  @Override
  public String toString() {
    StringBuilder report = new StringBuilder(run);
    counts.forEach((label, values) -> {
      report.append("\n  ").append(label).append(':');
      values.forEach((value, count) -> report.append(String.format(Locale.ROOT, " %s %d (%.1f %%)", value, count, percentage(label, value))));
    });
    return report.toString();
  }
}
