package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures answer 503 (try again) and which 500 (a fault retrying will not fix). */
class SqlFailuresTest {

  @ParameterizedTest
  @ValueSource(strings = {"08006", "08001", "53300", "57P01", "57P03", "25006", "40001", "55P03"})
  void aPostgresServerThatCannotServeNowIsUnavailable(String sqlState) {
    assertTrue(SqlFailures.unavailable(new SQLException("down", sqlState), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "42P01", "22001"})
  void aPostgresStatementThatIsWrongIsNotUnavailable(String sqlState) {
    assertFalse(SqlFailures.unavailable(new SQLException("bug", sqlState), false));
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 6, 8, 10, 13, 14, 261, 266, 1032})
  void aSqliteBusyLockedReadOnlyFullOrUnopenableFileIsUnavailable(int resultCode) {
    assertTrue(SqlFailures.unavailable(new SQLException("[SQLITE]", null, resultCode), true));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 11, 19, 2067})
  void aSqliteErrorCorruptionOrConstraintIsNotUnavailable(int resultCode) {
    assertFalse(SqlFailures.unavailable(new SQLException("[SQLITE]", null, resultCode), true));
  }

  @Test
  void aCauseThatIsUnavailableMakesTheWholeFailureUnavailable() {
    SQLException wrapped = new SQLException("wrapper", "HY000",
        new SQLTransientConnectionException("no connection"));

    assertTrue(SqlFailures.unavailable(wrapped, false));
    assertFalse(SqlFailures.unavailable(new SQLException("other driver", null, 5), false),
        "vendor codes are SQLite's only on SQLite");
  }
}
