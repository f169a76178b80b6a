package org.financingorchestrator.sandbox.common;

/** In-memory state that POST /sandbox/reset wipes, so tests start from nothing. */
public interface SandboxState {

  void clear();
}
