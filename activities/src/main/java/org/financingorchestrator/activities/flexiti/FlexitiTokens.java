package org.financingorchestrator.activities.flexiti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;

/**
 * The one bearer token every Flexiti call of this worker shares. Renewed {@code ahead} of Flexiti's
 * expires_in with the refresh_token grant (client_credentials when there is no refresh token or
 * Flexiti refuses it), and at once after a call was refused with 401 invalid_token
 * ({@link #invalidate}). Single-flight: however many callers find the token due, one token request
 * is in flight at a time and the others take its result.
 */
final class FlexitiTokens {

  private record Held(String accessToken, String refreshToken, Instant renewAt) {}

  private final FlexitiAuthApi auth;
  private final FlexitiClientSettings settings;
  private final Clock clock;
  private final Duration ahead;
  private final ReentrantLock renewing = new ReentrantLock();
  private volatile Held held;

  FlexitiTokens(FlexitiAuthApi auth, FlexitiClientSettings settings, Clock clock, Duration ahead) {
    this.auth = auth;
    this.settings = settings;
    this.clock = clock;
    this.ahead = ahead;
  }

  /** The current access token, renewed first when due. */
  String accessToken() {
    Held current = held;
    if (usable(current)) {
      return current.accessToken();
    }
    renewing.lock();
    try {
      // Whoever held the lock before may have renewed it already.
      current = held;
      if (usable(current)) {
        return current.accessToken();
      }
      held = renew(current);
      return held.accessToken();
    } finally {
      renewing.unlock();
    }
  }

  /**
   * Flexiti refused this access token (401 invalid_token): the next call renews it. Only the token
   * that was refused is dropped, so many calls refused together cause one renewal.
   */
  void invalidate(String refusedAccessToken) {
    renewing.lock();
    try {
      Held current = held;
      if (current != null && current.accessToken().equals(refusedAccessToken)) {
        held = new Held(current.accessToken(), current.refreshToken(), Instant.MIN);
      }
    } finally {
      renewing.unlock();
    }
  }

  private boolean usable(Held current) {
    return current != null && clock.instant().isBefore(current.renewAt());
  }

  private Held renew(Held expiring) {
    if (expiring != null && expiring.refreshToken() != null) {
      try {
        return held(auth.token(FlexitiTokenForm.refresh(settings, expiring.refreshToken())));
      } catch (RuntimeException refreshRefused) {
        // A refresh token Flexiti no longer takes: start over with the client's credentials.
      }
    }
    return held(auth.token(FlexitiTokenForm.clientCredentials(settings)));
  }

  private Held held(FlexitiWire.Token token) {
    return MalformedAnswers.read(FlexitiPurchaseWorkflow.PROVIDER, () -> {
      String access = MalformedAnswers.require(token.accessToken(), "access_token");
      long expiresIn = MalformedAnswers.require(token.expiresIn(), "expires_in");
      Duration life = Duration.ofSeconds(expiresIn);
      // A token shorter-lived than the margin is still used once, for half its life.
      Duration used = life.compareTo(ahead.multipliedBy(2)) > 0 ? life.minus(ahead) : life.dividedBy(2);
      return new Held(access, token.refreshToken(), clock.instant().plus(used));
    });
  }
}
