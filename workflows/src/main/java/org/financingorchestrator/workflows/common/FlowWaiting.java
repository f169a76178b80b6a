package org.financingorchestrator.workflows.common;

import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * Who a flow waits on, and since when, for operators: the {@code FlowWaitingOn} and
 * {@code FlowWaitingSince} search attributes (so that "flows waiting on the shopper for over an
 * hour" is a query) and the flow's current details in the Temporal UI, in words ("Waiting for the
 * shopper at Afterpay since 07:40 UTC"). {@link FlowJournal} tells it each state it enters.
 *
 * <p>Workflow code only. The attributes are upserted only when the party waited on changes, behind
 * {@value #CHANGE} (which also decides whether {@link ProviderCallRetries} upserts): runs recorded
 * before it replay without these upserts. The version is decided once, at the start, in the
 * workflow's own thread, never in a handler (getVersion may yield there, and the order in which an
 * Update and a Signal of the same task then run would differ on replay); a run continued as new is
 * told it by the run before. Current details are not a command (the UI reads them with a query),
 * so they need no version.
 */
final class FlowWaiting {

  /** The Workflow.getVersion change that made flows upsert who they wait on. */
  static final String CHANGE = "operator-attributes";

  static final String SHOPPER = "shopper";
  static final String PROVIDER = "provider";
  static final String MERCHANT = "merchant";

  private static final Map<String, String> PROVIDER_NAMES =
      Map.of("afterpay", "Afterpay", "affirm", "Affirm", "chargeafter", "ChargeAfter", "flexiti", "Flexiti");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final String providerName;
  private boolean upserts;
  private String waitingOn;

  FlowWaiting(String provider) {
    this.providerName = PROVIDER_NAMES.getOrDefault(provider, provider);
  }

  /** Who a flow in {@code state} waits on; null when nobody is awaited. */
  static String partyOf(FlowState state) {
    return switch (state) {
      case AWAITING_SHOPPER -> SHOPPER;
      // The clerk enters the code; the merchant captures or voids an authorization.
      case AWAITING_VERIFICATION, AUTHORIZED -> MERCHANT;
      // A call in flight (or being retried), or a lender that decides later.
      case STARTED, CAPTURING, AUTHORIZING, PENDING -> PROVIDER;
      default -> null;
    };
  }

  /** The flow has entered {@code state} at {@code now}. */
  void entered(FlowState state, Instant now) {
    String party = partyOf(state);
    Workflow.setCurrentDetails(details(state, party, now));
    if (Objects.equals(party, waitingOn)) {
      return;
    }
    waitingOn = party;
    if (!upserts) {
      return;
    }
    if (party == null) {
      Workflow.upsertTypedSearchAttributes(
          FlowSearchAttributes.WAITING_ON.valueUnset(), FlowSearchAttributes.WAITING_SINCE.valueUnset());
    } else {
      Workflow.upsertTypedSearchAttributes(
          FlowSearchAttributes.WAITING_ON.valueSet(party),
          FlowSearchAttributes.WAITING_SINCE.valueSet(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
    }
  }

  /** Decides, at the flow's start and in its own thread, whether this run upserts. */
  void decide() {
    upserts = Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
  }

  /**
   * A run continued as new starts with the attributes its predecessor had (the continue-as-new
   * carries them) and upserts as it did: it only needs to know who was awaited.
   */
  void resumed(boolean upserted, FlowState state) {
    upserts = upserted;
    waitingOn = partyOf(state);
  }

  /** Whether this run keeps the operators' attributes (decided or resumed). */
  boolean upserts() {
    return upserts;
  }

  private String details(FlowState state, String party, Instant now) {
    String since = " since " + CLOCK.format(now);
    if (party == null) {
      return state.isPaid() || state == FlowState.POSTED || state == FlowState.APPROVED
          ? state.name() + " at " + providerName + "; nothing awaited" + since
          : "Ended " + state.name() + " at " + providerName + since;
    }
    return switch (party) {
      case SHOPPER -> "Waiting for the shopper at " + providerName + since;
      case MERCHANT -> "Waiting for the merchant (" + state.name() + ")" + since;
      default -> "Waiting for " + providerName + " (" + state.name() + ")" + since;
    };
  }
}
