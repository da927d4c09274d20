import io.statelessauth.SecretTokens;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Writes COUNT users, each with one valid token pair, straight into the example's database, for
 * example/load/cache-memory.sh: logging in COUNT times would hash COUNT passwords at 600 000
 * PBKDF2 iterations. The users get a password hash that matches no password; their access tokens
 * go to TOKENS_FILE, one a line (the caller keeps that file private). Run with the example's jar
 * on the class path, for its JDBC driver and SecretTokens, after the service has created the
 * schema.
 *
 * Usage: java -cp stateless-auth-example.jar SeedTokens.java JDBC_URL COUNT TOKENS_FILE
 */
public class SeedTokens {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int count = Integer.parseInt(args[1]);
    Path tokens = Path.of(args[2]);
    long now = System.currentTimeMillis() / 1000;
    long dayLater = now + 86_400;
    try (Connection connection = DriverManager.getConnection(url);
        BufferedWriter out = Files.newBufferedWriter(tokens, StandardCharsets.US_ASCII);
        PreparedStatement user = connection.prepareStatement(
            "INSERT INTO users (username, password_hash) VALUES (?, 'no password')");
        PreparedStatement pair = connection.prepareStatement(
            "INSERT INTO token_pairs (id, username, access_hash, refresh_hash, access_expires_at,"
                + " refresh_expires_at, family_id, session_expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String name = "cached-user-" + i;
        String access = SecretTokens.generate();
        user.setString(1, name);
        user.addBatch();
        String id = UUID.randomUUID().toString();
        pair.setString(1, id);
        pair.setString(2, name);
        pair.setString(3, SecretTokens.hash(access));
        pair.setString(4, SecretTokens.hash(SecretTokens.generate()));
        pair.setLong(5, dayLater);
        pair.setLong(6, dayLater);
        pair.setString(7, id);
        pair.setLong(8, dayLater);
        pair.addBatch();
        out.write(access);
        out.newLine();
        if (i % 5_000 == 4_999) {
          user.executeBatch();
          pair.executeBatch();
        }
      }
      user.executeBatch();
      pair.executeBatch();
      connection.commit();
    }
    System.out.println("seed: " + count + " users with one token pair each");
  }
}
