package org.financingorchestrator.api.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many requests at once, as a flood of callbacks or a merchant's racing refunds arrive. */
public final class Parallel {

  /** Request number {@code i} of a flood. */
  public interface IndexedCall<T> {
    T send(int i) throws Exception;
  }

  private Parallel() {}

  /** {@code count} calls, {@code threads} at a time; their answers in order. */
  public static <T> List<T> calls(int count, int threads, IndexedCall<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        answers.add(pool.submit(() -> call.send(n)));
      }
      List<T> all = new ArrayList<>();
      for (Future<T> answer : answers) {
        all.add(answer.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
