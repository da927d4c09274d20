package io.statelessauth.example.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.statelessauth.example.testsupport.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.DataTruncation;
import java.sql.SQLClientInfoException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Which failures answer 503 (try again) and which 500 (a fault retrying will not fix), as
 * {@code example/README.md} lists them in "When the database fails", in its row "Which failures
 * count as unavailable". The test reads that row: every name it puts in backticks is checked,
 * and a name this test does not know how to check fails it, so the list cannot drift from the
 * code. Beyond the names, every SQLite result code the driver defines, every {@link SQLException}
 * type of {@code java.sql} and the PostgreSQL states of {@link #POSTGRES_STATES} must answer as
 * the row says: listed, 503; any other, 500.
 */
class SqlFailuresTest {

  private static final String ROW = "| Which failures count as \"unavailable\" (503):";
  private static final String OTHERS = "Every other failure is a 500";

  /**
   * PostgreSQL SQLSTATE values, from PostgreSQL's documentation, "Appendix A. PostgreSQL Error
   * Codes": every state of the classes the README's row names or borders on (08, 23, 25, 40, 53,
   * 55, 57), and some of each other class.
   */
  private static final List<String> POSTGRES_STATES = List.of(
      "01000", "02000", "0A000", "21000", "22000", "22001", "22003", "22007", "22012", "22P02",
      "23000", "23001", "23502", "23503", "23505", "23514", "23P01",
      "25000", "25001", "25002", "25003", "25004", "25005", "25006", "25007", "25008", "25P01",
      "25P02", "25P03", "25P04",
      "26000", "28000", "28P01", "2D000", "34000", "3D000", "3F000",
      "08000", "08001", "08003", "08004", "08006", "08007", "08P01",
      "40000", "40001", "40002", "40003", "40P01",
      "42000", "42501", "42601", "42703", "42804", "42883", "42P01", "42P07",
      "53000", "53100", "53200", "53300", "53400",
      "54000", "54001", "55000", "55006", "55P02", "55P03", "55P04",
      "57000", "57014", "57P01", "57P02", "57P03", "57P04", "57P05",
      "58000", "58030", "58P01", "58P02", "72000", "F0000", "P0001", "XX000", "XX001", "XX002");

  /** Every {@link SQLException} type of {@code java.sql}, made without a SQLState. */
  private static final Map<Class<? extends SQLException>, Function<String, SQLException>>
      JDBC_TYPES = Map.ofEntries(
          Map.entry(SQLException.class, SQLException::new),
          Map.entry(SQLWarning.class, SQLWarning::new),
          Map.entry(DataTruncation.class, message -> new DataTruncation(1, true, true, 2, 1)),
          Map.entry(BatchUpdateException.class,
              message -> new BatchUpdateException(message, new int[0])),
          Map.entry(SQLClientInfoException.class,
              message -> new SQLClientInfoException(message, Map.of())),
          Map.entry(SQLNonTransientException.class, SQLNonTransientException::new),
          Map.entry(SQLDataException.class, SQLDataException::new),
          Map.entry(SQLFeatureNotSupportedException.class, SQLFeatureNotSupportedException::new),
          Map.entry(SQLIntegrityConstraintViolationException.class,
              SQLIntegrityConstraintViolationException::new),
          Map.entry(SQLInvalidAuthorizationSpecException.class,
              SQLInvalidAuthorizationSpecException::new),
          Map.entry(SQLNonTransientConnectionException.class,
              SQLNonTransientConnectionException::new),
          Map.entry(SQLSyntaxErrorException.class, SQLSyntaxErrorException::new),
          Map.entry(SQLTransientException.class, SQLTransientException::new),
          Map.entry(SQLTimeoutException.class, SQLTimeoutException::new),
          Map.entry(SQLTransactionRollbackException.class, SQLTransactionRollbackException::new),
          Map.entry(SQLTransientConnectionException.class, SQLTransientConnectionException::new),
          Map.entry(SQLRecoverableException.class, SQLRecoverableException::new));

  private static final Pattern NAME = Pattern.compile("`([^`]+)`");
  private static final Pattern STATE = Pattern.compile("[0-9A-Z]{5}");
  private static final Pattern STATE_CLASS = Pattern.compile("([0-9A-Z]{2})\u2026");

  /** One failure to classify: the exception, and whether the database is SQLite. */
  private record Failure(String label, SQLException exception, boolean sqlite) {
    boolean unavailable() {
      return SqlFailures.unavailable(exception, sqlite);
    }
  }

  /** The names the README's row puts in backticks: before "Every other failure" and after. */
  private record ReadmeRow(List<String> unavailable, List<String> serverErrors) {

    static ReadmeRow read() throws IOException {
      String row = Files.readAllLines(Path.of("README.md")).stream()
          .filter(line -> line.startsWith(ROW)).findFirst()
          .orElseThrow(() -> new AssertionError("README.md has no row starting " + ROW));
      String listing = row.split("\\|")[1];
      int others = listing.indexOf(OTHERS);
      assertTrue(others > 0, "the row says which failures are a 500: " + OTHERS);
      return new ReadmeRow(names(listing.substring(0, others)), names(listing.substring(others)));
    }

    private static List<String> names(String text) {
      List<String> names = new ArrayList<>();
      Matcher matcher = NAME.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      return names;
    }
  }

  static List<String> namedUnavailable() throws IOException {
    return ReadmeRow.read().unavailable();
  }

  static List<String> namedServerErrors() throws IOException {
    return ReadmeRow.read().serverErrors();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedUnavailable")
  void everyFailureTheReadmeCallsUnavailableIsUnavailableAlsoWhenChained(String name) {
    assertEquals(List.of(), misclassified(chainedToo(failuresNamed(name)), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedServerErrors")
  void everyFailureTheReadmeCallsA500IsNotUnavailableAlsoWhenChained(String name) {
    assertEquals(List.of(), misclassified(chainedToo(failuresNamed(name)), false));
  }

  @Test
  void everySqliteResultCodeOutsideTheReadmesListIsA500() throws IOException {
    List<Failure> unlisted = unlisted(List.of(SQLiteErrorCode.values()),
        SqlFailuresTest::sqliteCodesNamed, SqlFailuresTest::sqliteFailures);

    assertEquals(List.of(), misclassified(unlisted, false));
  }

  @Test
  void everyPostgresStateOutsideTheReadmesListIsA500() throws IOException {
    List<Failure> unlisted = unlisted(POSTGRES_STATES,
        SqlFailuresTest::statesNamed, SqlFailuresTest::stateFailures);

    assertEquals(List.of(), misclassified(unlisted, false));
  }

  @Test
  void everyJdbcExceptionTypeOutsideTheReadmesListIsA500() throws IOException {
    List<Failure> unlisted = unlisted(JDBC_TYPES.keySet(),
        SqlFailuresTest::typesNamed, SqlFailuresTest::typeFailures);

    assertEquals(List.of(), misclassified(unlisted, false));
  }

  /**
   * The failures made from each of {@code all} (codes, states or types) that no name in the
   * README's list of unavailable failures stands for, as {@code named} resolves a name.
   */
  private static <T> List<Failure> unlisted(Collection<T> all, Function<String, List<T>> named,
      Function<T, List<Failure>> failures) throws IOException {
    List<String> listed = ReadmeRow.read().unavailable();
    List<Failure> unlisted = new ArrayList<>();
    for (T each : all) {
      if (listed.stream().noneMatch(name -> named.apply(name).contains(each))) {
        unlisted.addAll(failures.apply(each));
      }
    }
    return unlisted;
  }

  /**
   * The path from a failed statement to the answer: the {@link Database} throws {@link
   * DatabaseUnavailable} (503) for what is unavailable, and a {@link Database.DatabaseException}
   * (500) for a wrong statement or a broken constraint, here real ones on a real file.
   */
  @Test
  void theDatabaseAnswersUnavailableWith503AndAWrongStatementOrBrokenConstraintWith500(
      @TempDir Path folder) throws Exception {
    try (Database database = TestSettings.database(folder.resolve("failures.db"), 1)) {
      DatabaseUnavailable busy = assertThrows(DatabaseUnavailable.class, () -> database.run(
          connection -> {
            throw new SQLiteException("[SQLITE_BUSY]", SQLiteErrorCode.SQLITE_BUSY);
          }));
      Database.DatabaseException wrongStatement = assertThrows(Database.DatabaseException.class,
          () -> database.run(connection -> execute(connection.createStatement(), "SELEC 1")));
      Database.DatabaseException brokenConstraint = assertThrows(
          Database.DatabaseException.class, () -> database.run(connection -> execute(
              connection.createStatement(),
              "INSERT INTO users (username, password_hash) VALUES ('a', 'x'), ('a', 'y')")));

      assertEquals(503, busy.code());
      assertEquals(SQLiteErrorCode.SQLITE_ERROR.code,
          ((SQLException) wrongStatement.getCause()).getErrorCode());
      assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT.code,
          ((SQLException) brokenConstraint.getCause()).getErrorCode());
    }
  }

  @Test
  void vendorCodesAreSqlitesOnlyOnSqlite() {
    SQLException busyElsewhere = new SQLException("other driver", null, 5);

    assertTrue(SqlFailures.unavailable(busyElsewhere, true));
    assertFalse(SqlFailures.unavailable(busyElsewhere, false));
  }

  private static boolean execute(Statement statement, String sql) throws SQLException {
    try (statement) {
      return statement.execute(sql);
    }
  }

  /** The failures the README's {@code name} stands for; fails the test for an unknown name. */
  private static List<Failure> failuresNamed(String name) {
    List<Failure> failures = new ArrayList<>();
    sqliteCodesNamed(name).forEach(code -> failures.addAll(sqliteFailures(code)));
    statesNamed(name).forEach(state -> failures.addAll(stateFailures(state)));
    typesNamed(name).forEach(type -> failures.addAll(typeFailures(type)));
    if (failures.isEmpty()) {
      fail("README.md names `" + name + "`, which this test does not know how to check");
    }
    return failures;
  }

  /** A primary SQLite code with all its extended codes, or one extended code. */
  private static List<SQLiteErrorCode> sqliteCodesNamed(String name) {
    if (!name.startsWith("SQLITE_")) {
      return List.of();
    }
    SQLiteErrorCode named = Arrays.stream(SQLiteErrorCode.values())
        .filter(code -> code.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md names `" + name
            + "`, which is no SQLite result code the driver knows"));
    boolean primary = named.code == (named.code & 0xff);
    return Arrays.stream(SQLiteErrorCode.values())
        .filter(code -> code == named
            || primary && code.code >= 0 && (code.code & 0xff) == named.code)
        .collect(Collectors.toList());
  }

  /** A PostgreSQL state, or every state of {@link #POSTGRES_STATES} in a class ({@code 08…}). */
  private static List<String> statesNamed(String name) {
    if (STATE.matcher(name).matches()) {
      return List.of(name);
    }
    Matcher stateClass = STATE_CLASS.matcher(name);
    if (!stateClass.matches()) {
      return List.of();
    }
    return POSTGRES_STATES.stream().filter(state -> state.startsWith(stateClass.group(1)))
        .collect(Collectors.toList());
  }

  /** A {@code java.sql} exception type with every subtype of it. */
  private static List<Class<? extends SQLException>> typesNamed(String name) {
    return JDBC_TYPES.keySet().stream()
        .filter(type -> JDBC_TYPES.keySet().stream().anyMatch(
            named -> named.getSimpleName().equals(name) && named.isAssignableFrom(type)))
        .collect(Collectors.toList());
  }

  /**
   * A SQLite code as the xerial driver throws it ({@link SQLiteException}, whose vendor code is
   * the primary code), and as a plain exception carrying the code itself, extended codes too.
   */
  private static List<Failure> sqliteFailures(SQLiteErrorCode code) {
    return List.of(
        new Failure(code.name(), new SQLiteException("[" + code.name() + "]", code), true),
        new Failure(code.name() + " as vendor code " + code.code,
            new SQLException("[" + code.name() + "]", null, code.code), true));
  }

  /** A PostgreSQL state; what it means does not depend on the database, so both ways. */
  private static List<Failure> stateFailures(String state) {
    return List.of(new Failure(state, new SQLException("state " + state, state), false),
        new Failure(state + " on SQLite", new SQLException("state " + state, state), true));
  }

  private static List<Failure> typeFailures(Class<? extends SQLException> type) {
    Function<String, SQLException> make = JDBC_TYPES.get(type);
    return List.of(
        new Failure(type.getSimpleName(), make.apply(type.getSimpleName()), false),
        new Failure(type.getSimpleName() + " on SQLite", make.apply(type.getSimpleName()), true));
  }

  /**
   * Each failure as it is, as the cause of another exception (a driver or pool wrapping it) and as
   * the next exception of another (a batch): each must answer the same.
   */
  private static List<Failure> chainedToo(List<Failure> failures) {
    List<Failure> all = new ArrayList<>(failures);
    for (Failure failure : failures) {
      all.add(new Failure(failure.label() + " as the cause",
          new SQLException("wrapper", "HY000", failure.exception()), failure.sqlite()));
      SQLException first = new SQLException("batch", "HY000");
      first.setNextException(failure.exception());
      all.add(new Failure(failure.label() + " as the next exception", first, failure.sqlite()));
    }
    return all;
  }

  /** The labels of the failures whose classification is not {@code unavailable}. */
  private static List<String> misclassified(List<Failure> failures, boolean unavailable) {
    assertFalse(failures.isEmpty());
    return failures.stream().filter(failure -> failure.unavailable() != unavailable)
        .map(Failure::label).collect(Collectors.toList());
  }
}
