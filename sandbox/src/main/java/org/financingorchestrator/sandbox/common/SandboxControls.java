package org.financingorchestrator.sandbox.common;

/**
 * The switch for the sandbox's controls (faults, reset, ledger): off unless the sandbox runs as
 * the local sandbox, so one deployed anywhere else cannot be broken, erased or read through them.
 */
public final class SandboxControls {

  public static final String ENABLED = "sandbox.controls.enabled";

  private SandboxControls() {}
}
