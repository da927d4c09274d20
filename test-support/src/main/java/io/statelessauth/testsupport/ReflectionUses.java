package io.statelessauth.testsupport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds reflection in class files by reading their constant pools (JVMS §4.4): a class entry in
 * {@code java.lang.reflect} or naming {@code ServiceLoader}, a call that takes or returns a {@code
 * java.lang.reflect} type, calls of {@code Class.forName} and of {@code Class}'s member lookups,
 * and calls of the method-handle lookups ({@code MethodHandles.lookup}, {@code privateLookupIn}, {@code
 * publicLookup}, {@code Lookup.find*}, {@code Lookup.unreflect*}). The bootstrap methods behind
 * lambdas and string concatenation only name {@code MethodHandles$Lookup} in descriptors, which
 * are not calls, so they pass. The one reflection detector of the runtime's and the end-to-end
 * tests' {@code NoReflectionTest}.
 */
public final class ReflectionUses {
  private static final int UTF8 = 1;
  private static final int CLASS = 7;
  private static final int FIELD_REF = 9;
  private static final int METHOD_REF = 10;
  private static final int INTERFACE_METHOD_REF = 11;
  private static final int NAME_AND_TYPE = 12;

  private ReflectionUses() {}

  /**
   * One line per forbidden use, {@code <file>: <owner>.<method>} or {@code <file>: <class>}: the
   * files in the order given, each one's uses sorted.
   */
  public static List<String> in(List<Path> classFiles) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : classFiles) {
      try (InputStream in = Files.newInputStream(file)) {
        for (String use : uses(new DataInputStream(in))) {
          found.add(file.getFileName() + ": " + use);
        }
      }
    }
    return found;
  }

  /**
   * The class files of {@code location}, a directory of classes or a jar, whose file names {@code
   * select} accepts, sorted by path; each as {@code <path in location>}.
   */
  public static List<String> classFiles(Path location, Predicate<String> select) throws IOException {
    if (Files.isDirectory(location)) {
      try (Stream<Path> walk = Files.walk(location)) {
        return walk
            .filter(file -> file.toString().endsWith(".class") && select.test(file.getFileName().toString()))
            .map(file -> location.relativize(file).toString().replace('\\', '/'))
            .sorted()
            .collect(Collectors.toList());
      }
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      return jar.stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class") && select.test(name.substring(name.lastIndexOf('/') + 1)))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * One line per forbidden use in the class files of {@code location} (a directory or a jar) that
   * {@code select} accepts by file name: {@code <path>: <owner>.<method>} or {@code <path>: <class>}.
   */
  public static List<String> in(Path location, Predicate<String> select) throws IOException {
    List<String> found = new ArrayList<>();
    boolean directory = Files.isDirectory(location);
    try (JarFile jar = directory ? null : new JarFile(location.toFile())) {
      for (String name : classFiles(location, select)) {
        try (InputStream in =
            directory ? Files.newInputStream(location.resolve(name)) : jar.getInputStream(jar.getEntry(name))) {
          for (String use : uses(new DataInputStream(in))) {
            found.add(name + ": " + use);
          }
        }
      }
    }
    return found;
  }

  private static TreeSet<String> uses(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] tags = new int[count];
    int[] first = new int[count];
    int[] second = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      tags[i] = tag;
      switch (tag) {
        case UTF8 -> utf8[i] = in.readUTF();
        case CLASS, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4 -> in.readInt();
        case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, 17, 18 -> {
          first[i] = in.readUnsignedShort();
          second[i] = in.readUnsignedShort();
        }
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    TreeSet<String> uses = new TreeSet<>();
    for (int i = 1; i < count; i++) {
      if (tags[i] == CLASS) {
        String name = utf8[first[i]];
        if (name.startsWith("java/lang/reflect/") || name.equals("java/util/ServiceLoader")) {
          uses.add(name);
        }
      } else if (tags[i] == METHOD_REF || tags[i] == INTERFACE_METHOD_REF) {
        String owner = utf8[first[first[i]]];
        String method = utf8[first[second[i]]];
        String descriptor = utf8[second[second[i]]];
        if (isForbiddenCall(owner, method) || descriptor.contains("Ljava/lang/reflect/")) {
          uses.add(owner + "." + method);
        }
      }
    }
    return uses;
  }

  private static boolean isForbiddenCall(String owner, String method) {
    switch (owner) {
      case "java/lang/Class":
        return method.equals("forName") || method.startsWith("getDeclared") || method.startsWith("getMethod")
            || method.startsWith("getField") || method.startsWith("getConstructor")
            || method.equals("newInstance");
      case "java/lang/invoke/MethodHandles":
        return method.equals("lookup") || method.equals("privateLookupIn") || method.equals("publicLookup");
      case "java/lang/invoke/MethodHandles$Lookup":
        return method.startsWith("find") || method.startsWith("unreflect");
      default:
        return false;
    }
  }
}
