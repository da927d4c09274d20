package io.statelessauth.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;

/** Where generated files go: the Filer, except in the test that makes writing fail. */
@FunctionalInterface
interface SourceSink {
  void write(JavaFile file) throws IOException;
}
