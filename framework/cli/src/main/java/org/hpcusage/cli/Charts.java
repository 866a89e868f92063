package org.hpcusage.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpcusage.core.report.output.Report;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** What every {@code jobs plot} chart shares: the output file's checks, one bar chart, headless PNG writing. */
final class Charts {
    private Charts() {
    }

    /** The chart file named by {@code --out}: required, and a .png. */
    static Path pngTarget(String out) {
        if (out == null) {
            throw new UsageException("--out FILE.png is required");
        }
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svg")) {
            throw new UsageException("--out: SVG is not supported (the SVG back end for JFreeChart is GPLv3); write a .png");
        }
        if (!lower.endsWith(".png")) {
            throw new UsageException("--out must name a .png file, not '" + out + "'");
        }
        return Path.of(out);
    }

    /**
     * One bar per row of {@code report}: the category is the row's {@code categoryKey} value, the
     * height its {@code valueKey} value (a missing value counts as 0). {@code horizontal} suits
     * long category names (users, accounts).
     */
    static JFreeChart bars(Report report, String categoryKey, String valueKey, String valueLabel, String title,
                           boolean horizontal) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Map<String, Object>> rows = report.rows();
        for (Map<String, Object> row : rows) {
            Object value = row.get(valueKey);
            data.addValue(value instanceof Number n ? n : 0, valueLabel, String.valueOf(row.get(categoryKey)));
        }
        CategoryAxis categories = new CategoryAxis(null);
        if (!horizontal && rows.size() > 8) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = new NumberAxis(valueLabel);
        values.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.US));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x4C, 0x72, 0xB0));
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes the chart as PNG (temporary file, then moved, so a failure leaves no partial file). */
    static void writePng(JFreeChart chart, Path out, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".plot", ".png.tmp");
        try {
            ChartUtils.saveChartAsPNG(temp.toFile(), chart, width, height);
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
