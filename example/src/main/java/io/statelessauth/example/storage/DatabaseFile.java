package io.statelessauth.example.storage;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Objects;
import java.util.Set;

/**
 * The file of a SQLite database: created readable by its owner only, and watched so that no
 * connection is lent to a file that is no longer at its path.
 *
 * <p>A SQLite connection keeps its file open: when the file or its folder is deleted or renamed,
 * the connection goes on reading and writing the orphaned file, and everything written is lost.
 * Before each lease the {@link Database} asks for the file's {@link #identity()} (device and inode
 * on Unix): a missing file is an outage, and a different file (a restored backup) retires the
 * pooled connections opened on the old one.
 */
public final class DatabaseFile {

  private static final System.Logger LOG = System.getLogger(DatabaseFile.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final String NO_FILE = "no file to watch";
  private static final String PREFIX = "jdbc:sqlite:";

  private final Path path;

  private DatabaseFile(Path path) {
    this.path = path;
  }

  /**
   * The file named by a {@code jdbc:sqlite:} URL; for any other URL, an in-memory database or a
   * name that is not a plain path, one whose identity never changes.
   */
  static DatabaseFile of(String url) {
    if (!url.startsWith(PREFIX)) {
      return new DatabaseFile(null);
    }
    String name = url.substring(PREFIX.length());
    int query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    if (name.isEmpty() || name.startsWith(":") || name.startsWith("file:")) {
      return new DatabaseFile(null);
    }
    try {
      return new DatabaseFile(Path.of(name));
    } catch (InvalidPathException e) {
      return new DatabaseFile(null);
    }
  }

  /**
   * Creates the database file, empty, when it does not exist yet: readable and writable by its
   * owner only where the file system has POSIX permissions (SQLite then gives its {@code -wal}
   * and {@code -shm} files the same permissions). An existing file keeps its own, with a warning
   * when other users may read it. The connections never create the file themselves.
   *
   * @throws SQLException when the file cannot be created (its folder is missing, or not writable)
   */
  void createForOwnerOnly() throws SQLException {
    if (path == null) {
      return;
    }
    try {
      if (Files.exists(path)) {
        warnIfOthersMayRead();
      } else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(path);
      }
    } catch (FileAlreadyExistsException e) {
      // another instance created it in the meantime, with the same permissions
    } catch (IOException e) {
      throw new SQLException("Cannot create the database file " + path + ": " + e, e);
    }
  }

  /**
   * Whether the URL names a plain file, which {@link #createForOwnerOnly()} creates; an in-memory
   * database or a {@code file:} URI is left for SQLite to create.
   */
  boolean isPlainFile() {
    return path != null;
  }

  private void warnIfOthersMayRead() throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    if (permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
      LOG.log(Level.WARNING, "The database file " + path + " is readable by other users ("
          + PosixFilePermissions.toString(permissions) + "); it holds password hashes:"
          + " chmod 600 it and its -wal and -shm files");
    }
  }

  /**
   * What tells this file from another one put at its path later: equal values mean the same file.
   *
   * @throws SQLNonTransientConnectionException when nothing is at the path (the file or its folder
   *     was deleted or renamed): the database is unavailable
   */
  public Object identity() throws SQLNonTransientConnectionException {
    if (path == null) {
      return NO_FILE;
    }
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return Objects.requireNonNullElse(key, NO_FILE);
    } catch (IOException e) {
      throw new SQLNonTransientConnectionException(
          "The database file " + path + " is missing", "08001", e);
    }
  }
}
