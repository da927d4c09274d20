package io.statelessauth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A property run names its seed when it fails, replays from it, and reaches the edges of its ranges. */
class PropertyTest {

  @Test
  void failureNamesTheSeedTheReplayFlagTheTryAndTheSample() {
    IllegalStateException bug = new IllegalStateException("bug");

    AssertionError failure = assertThrows(AssertionError.class, () -> Property.named("demo").seed(42).tries(100)
        .forAll(draw -> "a\u0000" + draw.between(1, 10), (text, statistics) -> {
          if (text.endsWith("7")) {
            throw bug;
          }
        }));

    String message = failure.getMessage();
    assertTrue(message.startsWith("Property demo failed on try "), message);
    assertTrue(message.contains(" of 100, seed 42 (replay: -Ddemo.seed=42)"), message);
    assertTrue(message.contains("sample: \"a\\u00007\""), message);
    assertTrue(message.contains("java.lang.IllegalStateException: bug"), message);
    assertSame(bug, failure.getCause());
  }

  @Test
  void sameSeedDrawsTheSameSamplesAndAnotherSeedOthers() {
    assertEquals(samples(7), samples(7));
    assertNotEquals(samples(7), samples(8));
  }

  private static List<String> samples(long seed) {
    List<String> samples = new ArrayList<>();
    Property.named("replay").seed(seed).tries(200)
        .forAll(draw -> draw.string("abc", 0, 8) + draw.between(0, 1000), (sample, statistics) -> samples.add(sample));
    return samples;
  }

  @Test
  void seedAndTriesComeFromSystemProperties() {
    System.setProperty("fromFlags.seed", "5");
    System.setProperty("fromFlags.tries", "3");
    try {
      Property property = Property.named("fromFlags").tries(1000);

      assertEquals("fromFlags: 3 tries, seed 5 (replay: -DfromFlags.seed=5)", property.toString());
    } finally {
      System.clearProperty("fromFlags.seed");
      System.clearProperty("fromFlags.tries");
    }
  }

  @Test
  void malformedSeedFlagIsRefusedNamingIt() {
    System.setProperty("badFlag.seed", "0x12");
    try {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Property.named("badFlag"));

      assertEquals("-DbadFlag.seed must be a whole number, not \"0x12\"", error.getMessage());
    } finally {
      System.clearProperty("badFlag.seed");
    }
  }

  @Test
  void firstTwentiethOfTheTriesDrawsOnlyTheEndsOfEachRange() {
    List<Integer> numbers = new ArrayList<>();
    Set<Integer> lengths = new HashSet<>();
    List<String> cased = new ArrayList<>();
    Property.named("edges").seed(1).tries(1000).forAll(draw -> draw, (draw, statistics) -> {
      numbers.add(draw.between(-5, 5));
      lengths.add(draw.string("xy", 0, 40).length());
      cased.add(draw.inAnyCase("aB"));
    });

    assertTrue(numbers.subList(0, 50).stream().allMatch(n -> n == -5 || n == 5), numbers.subList(0, 50)::toString);
    assertTrue(numbers.subList(0, 50).containsAll(List.of(-5, 5)));
    assertTrue(numbers.subList(50, 1000).containsAll(List.of(-4, 0, 4)), "later tries draw inside the range too");
    assertTrue(lengths.containsAll(List.of(0, 1, 20, 39, 40)), lengths::toString);
    assertEquals(Set.of("ab", "AB"), new HashSet<>(cased.subList(0, 50)));
    assertEquals(Set.of("ab", "AB", "aB", "Ab"), new HashSet<>(cased));
  }

  @Test
  void withoutEdgeCasesTheEndsAreAsLikelyAsAnyValue() {
    Statistics ends = Property.named("uniform").seed(3).tries(2000).withoutEdgeCases()
        .forAll(draw -> draw.between(0, 1_000_000), (n, statistics) -> statistics.collect("end", n == 0 || n == 1_000_000));

    assertEquals(0, ends.percentage("end", true), ends::toString);
  }

  @Test
  void weightedChoiceFollowsTheWeightsAndStatisticsCountIt() {
    Statistics choices = Property.named("weights").seed(11).tries(10_000)
        .forAll(draw -> draw.weighted(3, 1), (index, statistics) -> statistics.collect("index", index));

    assertEquals(75, choices.percentage("index", 0), 2, choices::toString);
    assertEquals(25, choices.percentage("index", 1), 2, choices::toString);
    assertTrue(choices.toString().startsWith("weights: 10000 tries, seed 11 (replay: -Dweights.seed=11)\n  index: 0 "),
        choices::toString);
  }
}
