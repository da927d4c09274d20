package io.statelessauth.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A file made read-only for this process until closed: by its permissions, or, for root (whom
 * permissions do not bind), by the immutable attribute. Where neither works it aborts the test,
 * which then counts as skipped, and prints why on standard error, so that the build output says
 * that the test did not run.
 */
final class ReadOnlyFile implements AutoCloseable {

  private final Path file;
  private final boolean immutable;

  private ReadOnlyFile(Path file, boolean immutable) {
    this.file = file;
    this.immutable = immutable;
  }

  static ReadOnlyFile of(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    if (!Files.isWritable(file)) {
      return new ReadOnlyFile(file, false);
    }
    ReadOnlyFile readOnly = new ReadOnlyFile(file, true);
    if (chattr("+i", file) && !Files.isWritable(file)) {
      return readOnly;
    }
    readOnly.close();
    String reason = "cannot make a file read-only for root here (chattr +i failed or is missing),"
        + " so the read-only database case of DatabaseFaultTest did not run";
    // Surefire prints a skip's reason only in its reports: say it in the build output too.
    System.err.println("SKIPPED: " + reason);
    return Assumptions.abort(reason);
  }

  /** This read-only file once it has been moved, with its folder, to {@code file}. */
  ReadOnlyFile movedTo(Path file) {
    return new ReadOnlyFile(file, immutable);
  }

  /** Makes the file writable again. */
  @Override
  public void close() throws IOException {
    if (immutable) {
      chattr("-i", file);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static boolean chattr(String change, Path file) {
    try {
      Process process = new ProcessBuilder("chattr", change, file.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
