package org.financingorchestrator.api.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.financingorchestrator.worker.webhooks.WebhooksProperties;
import org.financingorchestrator.workflows.common.codec.PayloadEncryptionSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

/**
 * The properties an app really has, and whether an environment variable binds to one of them the
 * way Spring Boot binds it (relaxed names: PROVIDERS_AFTERPAY_BASEURL and PROVIDERS_AFTERPAY_BASE_URL
 * are providers.afterpay.base-url). What the app has: the keys of its yaml and the variables its
 * placeholders name; its {@code @ConfigurationProperties} records and {@code @Value}s; the payload
 * keys every Temporal app binds; and the documented properties of the libraries it runs
 * (spring-configuration-metadata.json: Spring Boot's, the Temporal starter's). A map or list
 * property takes any key or index under it (a merchant's id, a payload key's id); a map of records
 * takes any key followed by one of the record's properties (webhooks.merchants.<id>.url).
 */
final class AppProperties {

  private static final String ANY_KEY = "*";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)");

  /** Names that bind only exactly, and names under which anything binds (maps, lists). */
  private final Set<String> leaves = new LinkedHashSet<>();
  private final Set<String> containers = new LinkedHashSet<>();
  /** Names with a map's key as {@value #ANY_KEY}: webhooks.merchants.*.url. */
  private final Set<String> keyedLeaves = new LinkedHashSet<>();
  /** Environment variables the app's yaml reads by their own name (${TEMPORAL_ADDRESS:...}). */
  private final Set<String> placeholderVariables = new LinkedHashSet<>();

  private AppProperties() {}

  static AppProperties of(App app) {
    AppProperties properties = new AppProperties();
    properties.addYaml(app);
    properties.addMetadata();
    for (String basePackage : app.packages) {
      properties.addCode(basePackage);
    }
    if (app != App.SANDBOX) {
      properties.addRecord(PayloadEncryptionSettings.PROPERTIES, PayloadEncryptionSettings.class);
    }
    if (app == App.WORKER) {
      // Bound by a Binder while the beans are made, so no annotation finds them.
      properties.addRecord(WebhooksProperties.PROPERTIES, WebhooksProperties.class);
    }
    return properties;
  }

  /** Whether Spring binds this environment variable to a property of the app. */
  boolean binds(String variable) {
    if (placeholderVariables.contains(variable)) {
      return true;
    }
    // Spring maps names the environment's way only for a source with the environment's own name.
    ConfigurationPropertySource environment =
        ConfigurationPropertySource.from(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")));
    for (String leaf : leaves) {
      ConfigurationProperty property = environment.getConfigurationProperty(name(leaf));
      if (property != null) {
        return true;
      }
    }
    if (environment instanceof IterableConfigurationPropertySource names) {
      for (ConfigurationPropertyName mapped : names) {
        for (String keyed : keyedLeaves) {
          ConfigurationPropertyName leaf = withKeysOf(keyed, mapped);
          if (leaf != null && environment.getConfigurationProperty(leaf) != null) {
            return true;
          }
        }
      }
    }
    for (String container : containers) {
      if (environment.getConfigurationProperty(name(container)) != null
          || environment.containsDescendantOf(name(container)) == ConfigurationPropertyState.PRESENT) {
        return true;
      }
    }
    return false;
  }

  /** The pattern with each {@value #ANY_KEY} replaced by the mapped name's element there; null if they differ in length. */
  private static ConfigurationPropertyName withKeysOf(String pattern, ConfigurationPropertyName mapped) {
    String[] elements = pattern.split("\\.");
    if (elements.length != mapped.getNumberOfElements()) {
      return null;
    }
    for (int i = 0; i < elements.length; i++) {
      if (elements[i].equals(ANY_KEY)) {
        elements[i] = mapped.getElement(i, ConfigurationPropertyName.Form.UNIFORM);
      }
    }
    return ConfigurationPropertyName.of(String.join(".", elements));
  }

  /** Canonical names as they are (adapt would keep "base-url"'s dash as a letter); others adapted. */
  private static ConfigurationPropertyName name(String property) {
    return ConfigurationPropertyName.isValid(property)
        ? ConfigurationPropertyName.of(property)
        : ConfigurationPropertyName.adapt(property, '.');
  }

  private void addYaml(App app) {
    for (Map<String, Object> document : app.yamlDocuments()) {
      Map<String, Object> flat = new LinkedHashMap<>();
      Yamls.flatten("", document, flat);
      for (Map.Entry<String, Object> entry : flat.entrySet()) {
        String key = entry.getKey();
        int index = key.indexOf('[');
        if (index >= 0) {
          containers.add(key.substring(0, index));
        } else {
          leaves.add(key);
        }
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(entry.getValue()));
        while (placeholder.find()) {
          String named = placeholder.group(1);
          if (named.equals(named.toUpperCase())) {
            placeholderVariables.add(named);
          } else {
            leaves.add(named);
          }
        }
      }
    }
  }

  private void addMetadata() {
    try {
      Enumeration<URL> files =
          getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
      ObjectMapper json = new ObjectMapper();
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          for (JsonNode property : json.readTree(in).path("properties")) {
            String type = property.path("type").asText("");
            String name = property.path("name").asText();
            if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                || type.startsWith("java.util.Set") || type.startsWith("java.util.Collection") || type.endsWith("[]")) {
              containers.add(name);
            } else {
              leaves.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addCode(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> true);
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
      ConfigurationProperties bound = type.getAnnotation(ConfigurationProperties.class);
      if (bound != null && type.isRecord()) {
        addRecord(bound.value().isEmpty() ? bound.prefix() : bound.value(), type);
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        for (Parameter parameter : constructor.getParameters()) {
          addValue(parameter);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        addValue(field);
      }
    }
  }

  private void addValue(AnnotatedElement element) {
    Value value = element.getAnnotation(Value.class);
    if (value != null) {
      Matcher placeholder = PLACEHOLDER.matcher(value.value());
      while (placeholder.find()) {
        leaves.add(placeholder.group(1));
      }
    }
  }

  /** A record bound at a prefix: its components, nested records followed. */
  private void addRecord(String prefix, Class<?> record) {
    for (RecordComponent component : record.getRecordComponents()) {
      String name = (prefix.isEmpty() ? "" : prefix + ".") + kebab(component.getName());
      Class<?> type = component.getType();
      Class<?> mapValue = Map.class.isAssignableFrom(type) ? typeArgument(component, 1) : null;
      if (mapValue != null && mapValue.isRecord()) {
        addRecord(name + "." + ANY_KEY, mapValue);
      } else if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
        containers.add(name);
      } else if (type.isRecord()) {
        addRecord(name, type);
      } else if (name.contains("." + ANY_KEY)) {
        keyedLeaves.add(name);
      } else {
        leaves.add(name);
      }
    }
  }

  private static Class<?> typeArgument(RecordComponent component, int index) {
    return component.getGenericType() instanceof ParameterizedType parameterized
            && parameterized.getActualTypeArguments()[index] instanceof Class<?> type
        ? type
        : null;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }
}
