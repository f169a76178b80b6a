package org.financingorchestrator.api.stack;

import java.net.URI;
import java.util.List;

/** Refunds a merchant sends all at once, each under its own reference, to race past what is left. */
public final class RacingRefunds {

  private RacingRefunds() {}

  /** {@code count} refunds of {@code amount} USD to {@code refunds} (a flow's refunds URL), all at once: their statuses. */
  public static List<Integer> send(URI refunds, int count, String amount) throws Exception {
    return Parallel.calls(count, count, i -> StackHttp.post(
        refunds, "{\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"USD\"},\"merchantReference\":\"RACE-" + i + "\"}")
        .statusCode());
  }
}
