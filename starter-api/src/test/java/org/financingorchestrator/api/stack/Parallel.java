package org.financingorchestrator.api.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent as a crowd would send them: many, a few at a time, their answers in order. */
public final class Parallel {

  /** One request, the {@code i}-th. */
  public interface Call<T> {
    T send(int i) throws Exception;
  }

  private Parallel() {}

  /** {@code count} calls, {@code threads} at a time; their answers in order. */
  public static <T> List<T> run(int count, int threads, Call<T> call) throws Exception {
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
