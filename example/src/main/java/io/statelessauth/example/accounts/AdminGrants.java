package io.statelessauth.example.accounts;

import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.storage.User;
import io.statelessauth.example.storage.UserStore;
import io.statelessauth.example.storage.UserStore.RoleChange;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grants and takes away the role {@value User#ADMIN} at start-up, as {@code --admin NAME} and
 * {@code --revoke-admin NAME} say, before the service serves. The role is stored in the database,
 * so it holds on every instance and after a restart, until {@code --revoke-admin} takes it away;
 * each change makes every running instance forget the user's cached tokens, so that the change
 * reaches them at once. Every name must be registered: otherwise nothing changes and the start
 * fails.
 */
public final class AdminGrants {

  private static final System.Logger LOG = System.getLogger(AdminGrants.class.getName());

  private AdminGrants() {}

  /**
   * Applies {@code changes}.
   *
   * @throws StartFailure naming the flag and the names, when a name is not registered
   */
  public static void apply(UserStore users, AdminChanges changes) {
    requireRegistered(users, "--admin", changes.granted());
    requireRegistered(users, "--revoke-admin", changes.revoked());
    for (String name : sorted(changes.granted())) {
      report(name, users.setRole(name, User.ADMIN, true), "is now an administrator");
    }
    for (String name : sorted(changes.revoked())) {
      report(name, users.setRole(name, User.ADMIN, false), "is no longer an administrator");
    }
  }

  private static void requireRegistered(UserStore users, String flag, Set<String> names) {
    List<String> unknown = sorted(names).stream()
        .filter(name -> users.find(name).isEmpty())
        .collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw new StartFailure(flag + ": no registered user named "
          + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
          + "; nothing was changed");
    }
  }

  private static void report(String name, RoleChange change, String what) {
    if (change == RoleChange.NO_SUCH_USER) {
      throw new StartFailure("the user '" + name + "' was deleted while the service started");
    }
    LOG.log(Level.INFO, "'" + name + "' " + (change == RoleChange.CHANGED ? what : what + " already"));
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().collect(Collectors.toList());
  }

  /** The service cannot start as asked; the message is one line, ready for the operator. */
  public static final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message);
    }
  }
}
