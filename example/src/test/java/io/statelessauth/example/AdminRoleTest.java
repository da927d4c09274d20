package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statelessauth.AuthListener;
import io.statelessauth.example.accounts.AdminGrants;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role {@code admin}: stored in the database, granted with {@code --admin NAME} and taken away
 * with {@code --revoke-admin NAME} at start-up, and {@code GET /admin/users}, which only its
 * holders may call. Each start opens the service in memory over the same SQLite file, and the
 * routes run through the test kit.
 */
class AdminRoleTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String ROLE_CHALLENGE = "Bearer realm=\"api\", error=\"insufficient_scope\","
      + " error_description=\"Insufficient role\"";

  @TempDir Path folder;

  private Settings settings() {
    return TestSettings.sqlite(folder.resolve("admin.db"));
  }

  /** Registers {@code names} on a first start, so that a later start can name them. */
  private void register(String... names) throws Exception {
    try (ExampleServer.Service service = open(settings())) {
      ServiceClient client = new ServiceClient(service.router());
      for (String name : names) {
        assertEquals(201, client.register(name, PASSWORD).status());
      }
    }
  }

  private ExampleServer.Service startWith(AdminChanges admins) throws Exception {
    return open(settings().withAdmins(admins));
  }

  /** The service of {@code settings} in memory: started, with the routes run through the kit. */
  private static ExampleServer.Service open(Settings settings) throws IOException, SQLException {
    return ExampleServer.open(settings, Clock.systemUTC(), AuthListener.NONE);
  }

  /** The status of {@code GET /admin/users} for {@code name}, logged in on a plain start. */
  private int listingStatusFor(String name) throws Exception {
    try (ExampleServer.Service service = open(settings())) {
      ServiceClient client = new ServiceClient(service.router());
      Pair pair = client.login(name, PASSWORD);
      return client.bearer("GET", "/admin/users", pair.access()).status();
    }
  }

  @Test
  void anAdministratorListsTheUserNames() throws Exception {
    register("ada", "bob", "carol");
    try (ExampleServer.Service service = startWith(new AdminChanges(Set.of("ada"), Set.of()))) {
      ServiceClient client = new ServiceClient(service.router());
      Pair ada = client.login("ada", PASSWORD);

      Response response = client.bearer("GET", "/admin/users", ada.access());

      assertEquals(200, response.status());
      assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
      assertEquals(List.of("ada", "bob", "carol"), names(response.json()));
      assertFalse(response.json().has("next"));
    }
  }

  @Test
  void aUserWithoutTheRoleIsRefusedWith403() throws Exception {
    register("ada", "bob");
    try (ExampleServer.Service service = startWith(new AdminChanges(Set.of("ada"), Set.of()))) {
      ServiceClient client = new ServiceClient(service.router());
      Pair bob = client.login("bob", PASSWORD);

      Response response = client.bearer("GET", "/admin/users", bob.access());

      assertEquals(403, response.status());
      assertEquals("Role error: Insufficient role", response.json().get("error").textValue());
      assertEquals(ROLE_CHALLENGE, response.header("WWW-Authenticate"));
    }
  }

  @Test
  void withoutATokenTheListingAnswers401WithABareChallenge() throws Exception {
    try (ExampleServer.Service service = open(settings())) {
      Response response =
          new ServiceClient(service.router()).send("GET", "/admin/users", null, null);

      assertEquals(401, response.status());
      assertEquals("Bearer realm=\"api\"", response.header("WWW-Authenticate"));
    }
  }

  @Test
  void theRoleIsStoredAndHoldsAfterARestartWithoutTheFlag() throws Exception {
    register("ada");
    try (ExampleServer.Service granting = startWith(new AdminChanges(Set.of("ada"), Set.of()))) {
      // granted and stored
    }

    assertEquals(200, listingStatusFor("ada"));
  }

  @Test
  void revokeAdminTakesTheRoleAwayAndLeavesTheTokensWorkingElsewhere() throws Exception {
    register("ada");
    Pair ada;
    try (ExampleServer.Service granting = startWith(new AdminChanges(Set.of("ada"), Set.of()))) {
      ServiceClient client = new ServiceClient(granting.router());
      ada = client.login("ada", PASSWORD);
      assertEquals(200, client.bearer("GET", "/admin/users", ada.access()).status());
    }
    try (ExampleServer.Service revoking = startWith(new AdminChanges(Set.of(), Set.of("ada")))) {
      ServiceClient client = new ServiceClient(revoking.router());

      assertEquals(403, client.bearer("GET", "/admin/users", ada.access()).status());
      assertEquals(200, client.bearer("GET", "/whoami", ada.access()).status());
    }
  }

  /** The README's page size, 100, as a literal: a change to the constant must show here. */
  @Test
  void aLongListingComesInPagesThatFollowOneAnother() throws Exception {
    List<String> everyone = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      everyone.add(String.format("user%03d", i));
    }
    register(everyone.toArray(String[]::new));
    try (ExampleServer.Service service = startWith(new AdminChanges(Set.of("user000"), Set.of()))) {
      ServiceClient client = new ServiceClient(service.router());
      Pair admin = client.login("user000", PASSWORD);

      JsonNode first = client.bearer("GET", "/admin/users", admin.access()).json();
      String next = first.get("next").textValue();
      JsonNode second =
          client.bearer("GET", "/admin/users?after=" + next, admin.access()).json();

      List<String> listed = new ArrayList<>(names(first));
      listed.addAll(names(second));
      assertEquals(100, names(first).size());
      assertEquals("user099", next);
      assertEquals(everyone, listed);
      assertFalse(second.has("next"));
    }
  }

  @Test
  void anotherQueryAnswers400() throws Exception {
    register("ada");
    try (ExampleServer.Service service = startWith(new AdminChanges(Set.of("ada"), Set.of()))) {
      ServiceClient client = new ServiceClient(service.router());
      Pair ada = client.login("ada", PASSWORD);

      Response response = client.bearer("GET", "/admin/users?page=2", ada.access());

      assertEquals(400, response.status());
      assertTrue(response.json().get("error").textValue().contains("'after'"));
    }
  }

  @Test
  void anUnregisteredNameStopsTheStartWithStatus1AndChangesNothing() throws Exception {
    register("ada");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String db = "jdbc:sqlite:" + folder.resolve("admin.db");

    int status = Main.run(new String[] {"--port", "0", "--db", db, "--admin", "ada",
        "--admin", "nobody"}, print(new ByteArrayOutputStream()), print(err));

    assertEquals(1, status);
    assertEquals("stateless-auth-example: cannot start: --admin: no registered user named"
        + " 'nobody'; nothing was changed\n", err.toString(StandardCharsets.UTF_8));
    assertEquals(403, listingStatusFor("ada"), "ada was not made an administrator either");
  }

  @Test
  void anUnregisteredNameToRevokeStopsTheStartToo() throws Exception {
    register("ada");

    AdminGrants.StartFailure failure = assertThrows(AdminGrants.StartFailure.class,
        () -> startWith(new AdminChanges(Set.of(), Set.of("nobody"))));

    assertEquals("--revoke-admin: no registered user named 'nobody'; nothing was changed",
        failure.getMessage());
  }

  private static List<String> names(JsonNode listing) {
    List<String> names = new ArrayList<>();
    listing.get("users").forEach(name -> names.add(name.textValue()));
    return names;
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
