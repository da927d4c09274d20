#!/usr/bin/env bash
# What the processor adds to compile time: generates 200 handler classes with 5 @TokenRequired
# methods each (plus one loader pair) and times three javac runs on them, alternating, several runs
# each: plain javac on the handlers alone; javac with the processor; javac without the processor
# on the handlers plus the sources the processor generated ("glue": what the same wiring costs when
# written by hand); and javac with a processor that only writes those same sources through the
# Filer in its first round ("replay": what javac's extra rounds cost any processor that generates
# them, with no analysis and no JavaPoet). Prints every timing, the medians and the ratios.
#
# usage: benchmarks/scripts/processor-cost.sh       env: RUNS=7  CLASSES=200  RESULTS=<folder>
# needs: mvn -B -pl benchmarks -am package (writes benchmarks/target/*-classpath.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-7}
CLASSES=${CLASSES:-200}
APP_CP=$(cat benchmarks/target/app-classpath.txt)
# the processor with its own dependencies, the annotations among them
PROCESSOR_CP=$(cat benchmarks/target/processor-classpath.txt):$APP_CP
RESULTS=${RESULTS:-benchmarks/results/$(date +%Y-%m-%d)}
mkdir -p "$RESULTS"
OUT=$RESULTS/processor-cost.txt
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SRC=$WORK/src/bench
mkdir -p "$SRC/app" "$SRC/api"

cat >"$SRC/app/Token.java" <<'JAVA'
package bench.app;

import io.statelessauth.TokenMixin;
import java.util.Set;

public final class Token implements TokenMixin {
  final String userName;
  final Set<String> scopes;

  public Token(String userName, Set<String> scopes) {
    this.userName = userName;
    this.scopes = scopes;
  }

  @Override
  public Set<String> scopes() {
    return scopes;
  }
}
JAVA
cat >"$SRC/app/User.java" <<'JAVA'
package bench.app;

import io.statelessauth.UserMixin;

public final class User implements UserMixin {
  public final String name;

  public User(String name) {
    this.name = name;
  }
}
JAVA
cat >"$SRC/app/Tokens.java" <<'JAVA'
package bench.app;

import io.statelessauth.annotations.TokenLoader;
import java.util.Map;

@TokenLoader
public final class Tokens {
  private final Map<String, Token> tokens;

  public Tokens(Map<String, Token> tokens) {
    this.tokens = tokens;
  }

  public Token load(String token, String tokenType, String authType) {
    return tokens.get(token);
  }
}
JAVA
cat >"$SRC/app/Users.java" <<'JAVA'
package bench.app;

import io.statelessauth.annotations.UserLoader;
import java.util.Map;

@UserLoader
public final class Users {
  private final Map<String, User> users;

  public Users(Map<String, User> users) {
    this.users = users;
  }

  public User load(Token token) {
    return users.get(token.userName);
  }
}
JAVA
for i in $(seq -w 1 "$CLASSES"); do
  cat >"$SRC/api/Handler$i.java" <<JAVA
package bench.api;

import bench.app.Token;
import bench.app.User;
import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.annotations.TokenRequired;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

public final class Handler$i {
  private static void send(HttpExchange exchange, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @TokenRequired
  public void list(HttpExchange exchange) throws IOException {
    send(exchange, "list $i");
  }

  @TokenRequired(scopes = "read")
  public void show(HttpExchange exchange, User user) throws IOException {
    send(exchange, "show $i for " + user.name);
  }

  @TokenRequired(scopes = {"read", "write"})
  public void update(User user, HttpExchange exchange, Token token) throws IOException {
    send(exchange, "update $i for " + user.name + " " + token.scopes());
  }

  @TokenRequired(tokenType = "refresh")
  void refresh(HttpExchange exchange, Token token) throws IOException {
    send(exchange, "refresh $i " + token.scopes());
  }

  @TokenRequired(authType = "Bearer", scopes = "admin")
  void purge(HttpExchange exchange) throws IOException {
    send(exchange, "purge $i");
  }
}
JAVA
done
find "$WORK/src" -name '*.java' | sort >"$WORK/sources"

mkdir -p "$WORK/replay"
cat >"$WORK/replay/Replay.java" <<'JAVA'
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Writes the sources under -Areplay.dir through the Filer in the first round; nothing else. */
public final class Replay extends AbstractProcessor {
  private boolean written;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("io.statelessauth.annotations.*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("replay.dir");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written) {
      return false;
    }
    written = true;
    Path root = Path.of(processingEnv.getOptions().get("replay.dir"));
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).sorted()
          .collect(Collectors.toList());
      for (Path source : sources) {
        String name = root.relativize(source).toString().replace(".java", "").replace('/', '.');
        try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          out.write(Files.readString(source));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}
JAVA
javac --release 17 -d "$WORK/replay" "$WORK/replay/Replay.java"

compile() { # plain|processor|glue|replay -> milliseconds
  local out=$WORK/out-$1
  rm -rf "$out" && mkdir -p "$out"
  local flags=(-proc:none) sources=$WORK/sources
  [ "$1" = processor ] && flags=(-processorpath "$PROCESSOR_CP" -s "$out")
  [ "$1" = glue ] && sources=$WORK/glue-sources
  [ "$1" = replay ] && flags=(-processorpath "$WORK/replay" -processor Replay -Areplay.dir="$WORK/glue" -s "$out")
  local start end
  start=$(date +%s%N)
  javac --release 17 -nowarn -d "$out" -cp "$APP_CP" "${flags[@]}" @"$sources"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

compile processor >/dev/null # the first run fills the file cache, and gives the glue's sources
mkdir -p "$WORK/glue" && cp -r "$WORK/out-processor/." "$WORK/glue/" && find "$WORK/glue" -name '*.class' -delete
{ cat "$WORK/sources"; find "$WORK/glue" -name '*.java' | sort; } >"$WORK/glue-sources"
generated=$(find "$WORK/glue" -name 'Authenticated*.java' | wc -l)
classes=$(find "$WORK/out-processor" -name '*.class' | wc -l)
plain_classes=$(compile plain >/dev/null; find "$WORK/out-plain" -name '*.class' | wc -l)
: >"$WORK/plain"
: >"$WORK/processor"
: >"$WORK/glue-times"
: >"$WORK/replay-times"
for run in $(seq "$RUNS"); do
  compile plain >>"$WORK/plain"
  compile processor >>"$WORK/processor"
  compile glue >>"$WORK/glue-times"
  compile replay >>"$WORK/replay-times"
done
replayed=$(find "$WORK/out-replay" -name '*.class' | wc -l)
[ "$replayed" = "$classes" ] || { echo "replay made $replayed class files, the processor $classes" >&2; exit 1; }
plain=$(median <"$WORK/plain")
processor=$(median <"$WORK/processor")
glue=$(median <"$WORK/glue-times")
replay=$(median <"$WORK/replay-times")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
{
  echo "# processor-cost.sh: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD), $(javac -version 2>&1), $(nproc) cores, load at start: $LOAD"
  echo "# $CLASSES handler classes x 5 @TokenRequired methods + 1 loader pair; $RUNS runs each, alternating"
  echo "# with the processor: $generated Authenticated*.java generated, $classes class files (plain javac: $plain_classes)"
  echo "plain javac ms:                 $(tr '\n' ' ' <"$WORK/plain")"
  echo "with the processor ms:          $(tr '\n' ' ' <"$WORK/processor")"
  echo "plain + generated, -proc:none:  $(tr '\n' ' ' <"$WORK/glue-times")"
  echo "replay of the generated sources: $(tr '\n' ' ' <"$WORK/replay-times")"
  echo "median plain=${plain} ms, with processor=${processor} ms, glue=${glue} ms, replay=${replay} ms"
  echo "ratio with processor / plain javac = $(ratio "$processor" "$plain")"
  echo "ratio with processor / the same generated sources by hand (-proc:none) = $(ratio "$processor" "$glue")"
  echo "ratio replay / the same generated sources by hand = $(ratio "$replay" "$glue") (javac's rounds, any generating processor)"
  echo "ratio with processor / replay = $(ratio "$processor" "$replay") (the processor's own work)"
} | tee "$OUT"
