package org.financingorchestrator.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.financingorchestrator.benchmark.common.Arguments;
import org.financingorchestrator.benchmark.common.ServerFigures;

/**
 * Reads each server's figures, prints the report, rewrites the figures section of BENCHMARKS.md
 * (between its markers) and draws the chart.
 */
public final class BenchmarkReport {

  static final String BEGIN = "<!-- benchmark-figures:begin (written by deploy/local/benchmark.sh) -->";
  static final String END = "<!-- benchmark-figures:end -->";

  private BenchmarkReport() {}

  public static void main(String[] args) throws Exception {
    Arguments arguments = new Arguments(args);
    Path figuresDir = Path.of(arguments.required("figures"));
    ObjectMapper json = new ObjectMapper();
    List<String> order = List.of(arguments.required("servers").split(","));
    List<ServerFigures> servers = new ArrayList<>();
    try (var files = Files.list(figuresDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        servers.add(json.readValue(file.toFile(), ServerFigures.class));
      }
    }
    // Server by server in the order asked, each server's runs in the order they ran.
    servers.sort(
        Comparator.comparingInt((ServerFigures s) -> order.indexOf(s.server())).thenComparing(ServerFigures::startedAt));
    String figures = new FiguresMarkdown(Machine.here(), arguments.text("temporal-cli", "")).render(servers);
    System.out.println(figures);

    Path markdown = Path.of(arguments.required("markdown"));
    if (Files.exists(markdown)) {
      String text = Files.readString(markdown);
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      if (begin >= 0 && end > begin) {
        Files.writeString(markdown, text.substring(0, begin + BEGIN.length()) + "\n" + figures + "\n" + text.substring(end));
        System.out.println("Wrote the figures into " + markdown);
      }
    }
    Path chart = Path.of(arguments.required("chart"));
    BenchmarkChart.draw(servers, chart);
    System.out.println("Drew " + chart);
  }
}
