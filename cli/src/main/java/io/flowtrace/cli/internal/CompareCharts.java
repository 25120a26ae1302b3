package io.flowtrace.cli.internal;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar charts of a comparison: one PNG per metric, tasks along the axis, one bar per method. */
public final class CompareCharts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;

    /** Colour-blind-safe palette (Okabe–Ito), one colour per method in table order. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0x56B4E9), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x000000)
    };

    /** One chart: file name, title, axis label, the figure, and whether the axis is logarithmic. */
    private record Metric(
            String file,
            String title,
            String axis,
            ToDoubleFunction<CompareResult> value,
            boolean log) {}

    private static final List<Metric> METRICS =
            List.of(
                    new Metric(
                            "chart-delta-avg.png",
                            "<δavg (higher is better)",
                            "<δavg, %",
                            r -> r.scores().deltaAvg(),
                            false),
                    new Metric(
                            "chart-ad.png",
                            "AD, 256x256 space (lower is better)",
                            "px",
                            r -> r.scores().ad(),
                            false),
                    new Metric(
                            "chart-aj.png",
                            "AJ (higher is better)",
                            "AJ, %",
                            r -> r.scores().aj(),
                            false),
                    new Metric(
                            "chart-oa.png",
                            "OA (higher is better)",
                            "OA, %",
                            r -> r.scores().oa(),
                            false),
                    new Metric(
                            "chart-epe.png",
                            "EPE, native pixels (lower is better)",
                            "px",
                            r -> r.scores().epe(),
                            false),
                    new Metric(
                            "chart-time.png",
                            "Wall time per point (lower is better)",
                            "ms per point (log scale)",
                            CompareResult::msPerPoint,
                            true));

    private CompareCharts() {}

    /** Writes every chart into {@code dir} and returns the files written. */
    public static List<Path> write(Path dir, List<CompareResult> results) {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        for (Metric metric : METRICS) {
            Path file = dir.resolve(metric.file());
            try {
                ChartUtils.saveChartAsPNG(file.toFile(), chart(metric, results), WIDTH, HEIGHT);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }

    private static JFreeChart chart(Metric metric, List<CompareResult> results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CompareResult r : results) {
            data.addValue(metric.value().applyAsDouble(r), r.contender(), r.task());
        }
        JFreeChart chart =
                ChartFactory.createBarChart(
                        metric.title(),
                        null,
                        metric.axis(),
                        data,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        CategoryAxis tasks = plot.getDomainAxis();
        tasks.setCategoryLabelPositions(
                CategoryLabelPositions.createUpRotationLabelPositions(Math.PI / 8));
        if (metric.log()) {
            LogarithmicAxis axis = new LogarithmicAxis(metric.axis());
            axis.setAllowNegativesFlag(false);
            axis.setStrictValuesFlag(false);
            plot.setRangeAxis(axis);
        }
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        List<String> methods = CompareTable.methods(results);
        for (int i = 0; i < methods.size(); i++) {
            bars.setSeriesPaint(data.getRowIndex(methods.get(i)), PALETTE[i % PALETTE.length]);
        }
        return chart;
    }
}
