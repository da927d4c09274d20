package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's "Adding the processor to a build" is a build that works with this one: its Maven
 * fragment is well-formed, names this build's version and compiler plugin, and only artifacts this
 * build publishes.
 */
class ReadmeBuildTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void mavenFragmentNamesThisBuildsVersionsAndArtifacts() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int section = readme.indexOf("## Adding the processor to a build\n");
    assertTrue(section >= 0, "README has the section");
    int start = readme.indexOf("```xml\n", section) + "```xml\n".length();
    String fragment = readme.substring(start, readme.indexOf("\n```", start));
    Element readmePom = parse("<project>" + fragment + "</project>");
    Element rootPom = parse(Files.readString(ROOT.resolve("pom.xml")));
    String version = text(rootPom, "version").get(0);

    List<String> compilerVersions = new ArrayList<>();
    NodeList plugins = rootPom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (text(plugin, "artifactId").get(0).equals("maven-compiler-plugin")) {
        compilerVersions.add(text(plugin, "version").get(0));
      }
    }
    NodeList readmePlugins = readmePom.getElementsByTagName("plugin");
    assertEquals(1, readmePlugins.getLength());
    assertEquals(compilerVersions, text((Element) readmePlugins.item(0), "version").subList(0, 1),
        "the README's maven-compiler-plugin version is the one this build pins");

    List<String> artifacts = text(readmePom, "artifactId");
    assertEquals(List.of("stateless-auth-bom", "stateless-auth-runtime", "stateless-auth-annotations",
        "maven-compiler-plugin", "stateless-auth-processor"), artifacts);
    NodeList versions = readmePom.getElementsByTagName("version");
    for (int i = 0; i < versions.getLength(); i++) {
      Element element = (Element) versions.item(i);
      Element owner = (Element) element.getParentNode();
      if (text(owner, "groupId").get(0).equals("io.statelessauth")) {
        assertEquals(version, element.getTextContent(), "version of " + text(owner, "artifactId").get(0));
      }
    }
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return document.getDocumentElement();
  }

  /** The texts of every element {@code name} below {@code element}, in document order. */
  private static List<String> text(Element element, String name) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = element.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }
}
