package org.financingorchestrator.api.stack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test (class or method) needs tools that {@code deploy/local/tools.sh} finds or installs:
 * {@code temporal} (the real dev server), {@code chromium} (a real browser), {@code schemathesis}
 * (the API fuzzer, {@link FuzzApi}), and the deploy checks' {@code kustomize}, {@code promtool},
 * {@code docker-compose}, {@code check-jsonschema}, {@code kubernetes-validate}. Where one cannot be
 * had, the tests are skipped with the script's reason, never passed silently; in CI (CI=true),
 * which must run them, that is a failure. Decided before {@code @BeforeAll}, so a class that
 * cannot run reports its tests skipped rather than none run.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalToolsCondition.class)
public @interface RequiresLocalTools {

  /** Names tools.sh takes. */
  String[] value();
}
