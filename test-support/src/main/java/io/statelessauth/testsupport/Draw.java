package io.statelessauth.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices of one try of a {@link Property}, all taken from the run's seeded generator.
 * With the try's edge chance, a draw from a range gives one of its ends instead (the shortest or
 * the longest string, the first or the last character or value): the edge cases that a uniform
 * draw would rarely reach. A weighted choice between alternatives is never biased. Lengths favour
 * short strings: nine in ten are at most the run's short span longer than the minimum, one in a
 * hundred is the maximum.
 */
public final class Draw {
  private static final double LONGER_CHANCE = 0.1;
  private static final double MAX_LENGTH_CHANCE = 0.01;

  private final SplittableRandom random;
  private final double edgeChance;
  private final int shortSpan;

  Draw(SplittableRandom random, double edgeChance, int shortSpan) {
    this.random = random;
    this.edgeChance = edgeChance;
    this.shortSpan = shortSpan;
  }

  private boolean edge() {
    return edgeChance > 0 && random.nextDouble() < edgeChance;
  }

  /** A number from {@code min} to {@code max}, both included. */
  public int between(int min, int max) {
    if (edge()) {
      return random.nextBoolean() ? min : max;
    }
    return random.nextInt(min, max + 1);
  }

  /**
   * A length from {@code min} to {@code max}: uniform when they are at most the short span apart;
   * otherwise the maximum one time in a hundred, longer than the short span one in ten, else short.
   */
  public int length(int min, int max) {
    if (edge()) {
      return random.nextBoolean() ? min : max;
    }
    if (max - min <= shortSpan) {
      return random.nextInt(min, max + 1);
    }
    double p = random.nextDouble();
    if (p < MAX_LENGTH_CHANCE) {
      return max;
    }
    if (p < MAX_LENGTH_CHANCE + LONGER_CHANCE) {
      return random.nextInt(min + shortSpan + 1, max + 1);
    }
    return random.nextInt(min, min + shortSpan + 1);
  }

  /** Any {@code long}, never an edge: for seeds of generators of their own. */
  public long anyLong() {
    return random.nextLong();
  }

  /** One of {@code values}. */
  public <T> T of(List<T> values) {
    return values.get(between(0, values.size() - 1));
  }

  /** One of {@code values}. */
  @SafeVarargs
  public final <T> T of(T... values) {
    return values[between(0, values.length - 1)];
  }

  /** Whether an event of probability {@code p} happened, never an edge. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /**
   * The index of one alternative, each as likely as its weight (never an edge): {@code
   * weighted(3, 1)} gives 0 three times as often as 1.
   */
  public int weighted(int... weights) {
    int total = 0;
    for (int weight : weights) {
      if (weight <= 0) {
        throw new IllegalArgumentException("weights must be positive: " + Arrays.toString(weights));
      }
      total += weight;
    }
    int pick = random.nextInt(total);
    int i = 0;
    while (pick >= weights[i]) {
      pick -= weights[i];
      i++;
    }
    return i;
  }

  /** One character of {@code chars}. */
  public char character(String chars) {
    return chars.charAt(between(0, chars.length() - 1));
  }

  /** A character from {@code first} to {@code last}, both included. */
  public char character(char first, char last) {
    return (char) between(first, last);
  }

  /**
   * {@code word} (of at most 30 characters) with each letter in upper or lower case: its edges are
   * all lower case and all upper case.
   */
  public String inAnyCase(String word) {
    int mask = between(0, (1 << word.length()) - 1);
    StringBuilder cased = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      cased.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return cased.toString();
  }

  /** A string of {@code minLength} to {@code maxLength} characters of {@code chars}. */
  public String string(String chars, int minLength, int maxLength) {
    int length = length(minLength, maxLength);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(character(chars));
    }
    return text.toString();
  }

  /** A string of {@code minLength} to {@code maxLength} characters from {@code first} to {@code last}. */
  public String string(char first, char last, int minLength, int maxLength) {
    int length = length(minLength, maxLength);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(character(first, last));
    }
    return text.toString();
  }

  /** Any byte: its edges are {@code 0x80} and {@code 0x7f}. */
  public byte anyByte() {
    return (byte) between(Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  /** From 0 to {@code maxLength} bytes of any value. */
  public byte[] bytes(int maxLength) {
    byte[] bytes = new byte[length(0, maxLength)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = anyByte();
    }
    return bytes;
  }

  /** From 0 to {@code maxLength} bytes, each one of {@code values}. */
  public byte[] bytes(int maxLength, byte... values) {
    byte[] bytes = new byte[length(0, maxLength)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = values[between(0, values.length - 1)];
    }
    return bytes;
  }
}
