package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BOM users import pins every published module at the build's version: a module that is
 * published (not marked {@code maven.deploy.skip}) and missing from the BOM, or a BOM version left
 * behind by a release, fails here.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void bomPinsEveryPublishedModuleAtTheParentsVersion() throws Exception {
    Element parent = pom(ROOT.resolve("pom.xml"));
    Element bom = pom(ROOT.resolve("bom/pom.xml"));
    assertEquals(child(parent, "version"), child(bom, "version"), "bom/pom.xml version");

    TreeSet<String> published = new TreeSet<>();
    for (String module : children(childElement(parent, "modules"), "module")) {
      Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
      boolean skipped = "true".equals(child(childElement(pom, "properties"), "maven.deploy.skip"));
      boolean jar = child(pom, "packaging") == null;
      if (jar && !skipped) {
        published.add(child(pom, "artifactId"));
      }
    }
    TreeSet<String> pinned = new TreeSet<>();
    Element dependencies = childElement(childElement(bom, "dependencyManagement"), "dependencies");
    for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        Element dependency = (Element) node;
        pinned.add(child(dependency, "artifactId"));
        assertEquals("${project.version}", child(dependency, "version"), "version of " + child(dependency, "artifactId"));
      }
    }
    assertEquals(published, pinned, "published modules vs the BOM's entries");
  }

  private static Element pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(Files.newInputStream(file));
    return document.getDocumentElement();
  }

  /** The text of {@code parent}'s direct child element {@code name}, or {@code null}. */
  private static String child(Element parent, String name) {
    Element element = childElement(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  private static Element childElement(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        return (Element) node;
      }
    }
    return null;
  }

  private static List<String> children(Element parent, String name) {
    List<String> texts = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        texts.add(node.getTextContent().trim());
      }
    }
    return texts;
  }
}
