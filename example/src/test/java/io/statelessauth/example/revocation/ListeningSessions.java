package io.statelessauth.example.revocation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of the instances' listening connections on a PostgreSQL server, seen and ended
 * through an administrator's connection to the same database, as an operator or a failover ends
 * them.
 */
final class ListeningSessions {

  private ListeningSessions() {}

  /** The server's process ids of the listening connections to {@code admin}'s database. */
  static List<Integer> pids(Connection admin) throws SQLException {
    List<Integer> pids = new ArrayList<>();
    try (PreparedStatement select = admin.prepareStatement("SELECT pid FROM pg_stat_activity"
        + " WHERE application_name = ? AND datname = current_database()")) {
      select.setString(1, PostgresRevocations.APPLICATION_NAME);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          pids.add(rows.getInt(1));
        }
      }
    }
    return pids;
  }

  /** Ends the sessions {@code pids} on the server. */
  static void terminate(Connection admin, List<Integer> pids) throws SQLException {
    for (int pid : pids) {
      try (Statement kill = admin.createStatement()) {
        kill.execute("SELECT pg_terminate_backend(" + pid + ")");
      }
    }
  }
}
