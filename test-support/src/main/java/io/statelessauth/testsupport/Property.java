package io.statelessauth.testsupport;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A property checked over generated samples, all drawn from one seed, so that a failure can be
 * replayed: the failure's message names the seed, the try and the sample, and {@code
 * -D<name>.seed=<seed>} (a Maven user property reaches the test JVM) runs the same samples again.
 * {@code -D<name>.tries=<n>} changes the number of tries.
 *
 * <p>With edge cases (the default), the first twentieth of the tries draws only the ends of every
 * range ({@link Draw}), and every later draw from a range gives one of its ends one time in twenty.
 * The short span of lengths ({@link Draw#length}) is the square root of the tries, at least 10.
 *
 * <pre>{@code
 * Statistics outcomes = Property.named("header").tries(1000)
 *     .forAll(HeaderValues::next, (value, statistics) -> statistics.collect("outcome", check(value)));
 * assertTrue(outcomes.percentage("outcome", "token") > 10, outcomes::toString);
 * }</pre>
 */
public final class Property {
  private static final double EDGE_CHANCE = 0.05;
  private static final int EDGE_TRIES_DIVISOR = 20;
  private static final int MIN_SHORT_SPAN = 10;

  private final String name;
  private final long seed;
  private final int tries;
  private final boolean edgeCases;

  private Property(String name, long seed, int tries, boolean edgeCases) {
    this.name = name;
    this.seed = seed;
    this.tries = tries;
    this.edgeCases = edgeCases;
  }

  /**
   * The property {@code name}: 1 000 tries with edge cases, from the seed {@code -D<name>.seed}
   * or else a new one.
   */
  public static Property named(String name) {
    String seed = System.getProperty(name + ".seed");
    return new Property(name, seed == null ? new SplittableRandom().nextLong() : parse(name + ".seed", seed), 1000, true);
  }

  private static long parse(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + key + " must be a whole number, not \"" + value + "\"", e);
    }
  }

  /** {@code defaultTries} tries, unless {@code -D<name>.tries} asks for another number. */
  public Property tries(int defaultTries) {
    String asked = System.getProperty(name + ".tries");
    long count = asked == null ? defaultTries : parse(name + ".tries", asked);
    if (count < 1 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          (asked == null ? "tries" : "-D" + name + ".tries") + " must be from 1 to " + Integer.MAX_VALUE + ", not " + count);
    }
    return new Property(name, seed, (int) count, edgeCases);
  }

  /** This property run from {@code seed}, whatever {@code -D<name>.seed} says. */
  public Property seed(long seed) {
    return new Property(name, seed, tries, edgeCases);
  }

  /** Without edge cases: every draw uniform, for generators that name their edge values themselves. */
  public Property withoutEdgeCases() {
    return new Property(name, seed, tries, false);
  }

  /** What a check does with one sample: asserts, and may collect statistics. */
  @FunctionalInterface
  public interface Check<T> {
    /** Checks {@code sample}; a thrown exception or error fails the property. */
    void check(T sample, Statistics statistics) throws Exception;
  }

  /**
   * Checks every sample that {@code generator} draws, one per try, in order; stops at the first
   * failure with an {@link AssertionError} that names the seed, the try and the sample.
   *
   * @return what the checks collected, for coverage assertions
   */
  public <T> Statistics forAll(Function<Draw, T> generator, Check<T> check) {
    SplittableRandom random = new SplittableRandom(seed);
    Statistics statistics = new Statistics(toString());
    int edgeTries = edgeCases ? Math.max(1, tries / EDGE_TRIES_DIVISOR) : 0;
    int shortSpan = (int) Math.max(Math.round(Math.sqrt(tries)), MIN_SHORT_SPAN);
    for (int i = 1; i <= tries; i++) {
      Draw draw = new Draw(random, i <= edgeTries ? 1 : edgeCases ? EDGE_CHANCE : 0, shortSpan);
      T sample = null;
      try {
        sample = generator.apply(draw);
        check.check(sample, statistics);
      } catch (Exception | AssertionError failure) {
        throw new AssertionError(
            "Property " + name + " failed on try " + i + " of " + tries + ", seed " + seed
                + " (replay: -D" + name + ".seed=" + seed + ")\n  sample: " + shown(sample) + "\n  " + failure,
            failure);
      }
    }
    return statistics;
  }

  /** A sample as a failure shows it: a string in quotes with every character outside printable ASCII escaped. */
  static String shown(Object sample) {
    if (!(sample instanceof CharSequence)) {
      return String.valueOf(sample);
    }
    CharSequence text = (CharSequence) sample;
    int shownLength = Math.min(text.length(), 500);
    StringBuilder shown = new StringBuilder("\"");
    for (int i = 0; i < shownLength; i++) {
      char c = text.charAt(i);
      shown.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    shown.append('"');
    if (shownLength < text.length()) {
      shown.append("... (").append(text.length()).append(" characters)");
    }
    return shown.toString();
  }

  /** The name, tries and seed, and how to replay the run. */
  @Override
  public String toString() {
    return name + ": " + tries + " tries, seed " + seed + " (replay: -D" + name + ".seed=" + seed + ")";
  }
}
