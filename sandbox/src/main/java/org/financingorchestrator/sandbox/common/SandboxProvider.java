package org.financingorchestrator.sandbox.common;

import java.util.Set;

/**
 * One simulated provider: its name in the ledger and fault rules, the path prefix it is mounted
 * under, the operations faults can target, and its error body format. Each provider package
 * declares one as a bean; the shared controls find providers only through these.
 */
public record SandboxProvider(
    String name, String pathPrefix, Set<String> operations, ProviderErrorFormat errorFormat) {

  public SandboxProvider {
    operations = Set.copyOf(operations);
  }

  public boolean serves(String path) {
    return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
  }
}
