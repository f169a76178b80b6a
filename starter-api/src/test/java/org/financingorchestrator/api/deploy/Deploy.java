package org.financingorchestrator.api.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.financingorchestrator.api.stack.LocalTools;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The files under deploy/ and what the build says about the images, read as the tests need them. */
final class Deploy {

  static final Path ROOT = LocalTools.repositoryRoot();
  static final Path DEPLOY = ROOT.resolve("deploy");
  static final Path COMPOSE = DEPLOY.resolve("compose/docker-compose.yml");
  static final Path PROMETHEUS = DEPLOY.resolve("prometheus/prometheus.yml");
  static final Path TEMPORAL_VALUES = DEPLOY.resolve("k8s/temporal/values.yaml");
  static final Path MAKE_SECRETS = DEPLOY.resolve("compose/make-secrets.sh");
  static final Path OVERLAYS = DEPLOY.resolve("k8s/overlays");

  private static final Pattern SECRET_FILE = Pattern.compile("\\bwrite (\\S+\\.env)");
  private static final Pattern SECRET_LINE = Pattern.compile("^\\s*\"([A-Z][A-Z0-9_]*)=");

  private Deploy() {}

  /** The compose file's services (YAML merge keys resolved). */
  static Map<String, Map<String, Object>> composeServices() {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    Yamls.cast(Yamls.read(COMPOSE).get("services")).forEach((name, service) -> services.put(name, Yamls.cast(service)));
    return services;
  }

  /** Every overlay's folder. */
  static List<Path> overlays() {
    try (var folders = Files.list(OVERLAYS)) {
      return folders.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The variables each secrets file make-secrets.sh writes holds, by file name (payload-encryption.env ...). */
  static Map<String, Set<String>> secretFiles() {
    Map<String, Set<String>> files = new LinkedHashMap<>();
    String current = null;
    for (String line : lines(MAKE_SECRETS)) {
      Matcher file = SECRET_FILE.matcher(line);
      if (file.find()) {
        current = file.group(1);
        files.put(current, new LinkedHashSet<>());
      }
      Matcher variable = SECRET_LINE.matcher(line);
      if (current != null && variable.find()) {
        files.get(current).add(variable.group(1));
      }
    }
    return files;
  }

  /** An env file's variables (KEY=value lines; comments and blanks skipped). */
  static Map<String, String> envFile(Path file) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : lines(file)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        int equals = trimmed.indexOf('=');
        variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
      }
    }
    return variables;
  }

  /** The image Jib builds for an app: registry/artifactId:tag, from the root pom's properties. */
  static String jibImage(App app) {
    Element root = pom(ROOT.resolve("pom.xml"));
    String version = text(root, "version");
    String registry = property(root, "image.registry");
    String tag = property(root, "image.tag").replace("${project.version}", version);
    return registry + "/" + app.name + ":" + tag;
  }

  /** The ports Jib's image declares for an app (its module's pom). */
  static List<Integer> jibPorts(App app) {
    NodeList ports = pom(ROOT.resolve(app.name).resolve("pom.xml")).getElementsByTagName("port");
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < ports.getLength(); i++) {
      numbers.add(Integer.parseInt(ports.item(i).getTextContent().strip()));
    }
    return numbers;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Element pom(Path file) {
    try {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
      return document.getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }

  private static String property(Element project, String name) {
    Element properties = (Element) project.getElementsByTagName("properties").item(0);
    return properties.getElementsByTagName(name).item(0).getTextContent().strip();
  }

  /** A direct child's text (the project's own version, not its parent's). */
  private static String text(Element parent, String child) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals(child)) {
        return element.getTextContent().strip();
      }
    }
    throw new IllegalStateException("No <" + child + "> in the pom");
  }
}
