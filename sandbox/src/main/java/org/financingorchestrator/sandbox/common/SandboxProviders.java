package org.financingorchestrator.sandbox.common;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The providers this sandbox plays, found by name or by the request path they serve. */
@Component
public class SandboxProviders {

  private final List<SandboxProvider> providers;

  public SandboxProviders(List<SandboxProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  public Optional<SandboxProvider> named(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<SandboxProvider> serving(String path) {
    return providers.stream().filter(p -> p.serves(path)).findFirst();
  }

  public List<String> names() {
    return providers.stream().map(SandboxProvider::name).sorted().toList();
  }
}
