package org.financingorchestrator.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.benchmark.common.LoadFigures;
import org.financingorchestrator.benchmark.common.ServerFigures;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The chart of BENCHMARKS.md: flows per second, and the shopper's wait p50/p95/p99, per system and server. */
final class BenchmarkChart {

  private BenchmarkChart() {}

  static void draw(List<ServerFigures> servers, Path png) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> throughput = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Double> p95 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    for (ServerFigures server : servers) {
      String serverLabel = server.server().equals("dev-server") ? "dev server" : "test server";
      for (LoadFigures w : server.windows()) {
        labels.add((w.system().equals("floor") ? "floor" : w.provider() + " " + w.system()) + " · " + serverLabel);
        throughput.add(Math.round(w.flowsPerSecond() * 10) / 10.0);
        p50.add(w.waitP50Millis());
        p95.add(w.waitP95Millis());
        p99.add(w.waitP99Millis());
      }
    }
    CategoryChart flows =
        new CategoryChartBuilder().width(1200).height(420).title("Completed flows per second, 64 in flight (log scale)")
            .yAxisTitle("flows/s").build();
    flows.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    flows.getStyler().setXAxisLabelRotation(20);
    flows.getStyler().setLabelsVisible(true);
    // The direct baseline runs some 20 times faster than the rest: on a linear axis the others vanish.
    flows.getStyler().setYAxisLogarithmic(true);
    flows.getStyler().setYAxisMin(1.0);
    flows.addSeries("flows/s", labels, throughput);

    CategoryChart waits =
        new CategoryChartBuilder().width(1200).height(420).title("The shopper's wait: confirm callback to answer after capture")
            .yAxisTitle("ms").build();
    waits.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    waits.getStyler().setXAxisLabelRotation(20);
    waits.addSeries("p50", labels, p50);
    waits.addSeries("p95", labels, p95);
    waits.addSeries("p99", labels, p99);

    Files.createDirectories(png.toAbsolutePath().getParent());
    String name = png.toString().replaceFirst("\\.png$", "");
    BitmapEncoder.saveBitmap(List.of(flows, waits), 2, 1, name, BitmapEncoder.BitmapFormat.PNG);
  }
}
