package io.statelessauth.processor.writing;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;

/** Where generated files go: the {@code Filer}, except in the tests that make writing fail. */
@FunctionalInterface
public interface SourceSink {

  /** Writes {@code file}. */
  void write(JavaFile file) throws IOException;
}
