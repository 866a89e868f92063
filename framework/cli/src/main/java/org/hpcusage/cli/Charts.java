package org.hpcusage.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.NumberFormat;
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

/**
 * What every {@code jobs plot} chart shares: the output file's checks, one bar chart, headless
 * writing as PNG (JFreeChart's own encoder) or SVG (Batik's SVG generator).
 */
final class Charts {
    /** The {@code --out} option's argument name, shown in every plot command's help. */
    static final String OUT_ARG = "FILE.png|.svg";

    private Charts() {
    }

    /** Where a chart goes and in which format (by the file name's extension). */
    record Target(Path path, boolean svg) {
    }

    /** The chart file named by {@code --out}: required, a .png or .svg (any case). */
    static Target target(String out) {
        if (out == null) {
            throw new UsageException("--out FILE.png or FILE.svg is required");
        }
        String lower = out.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".png") && !lower.endsWith(".svg")) {
            throw new UsageException("--out must name a .png or .svg file, not '" + out + "'");
        }
        return new Target(Path.of(out), lower.endsWith(".svg"));
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
        NumberAxis values = wholeNumberAxis(valueLabel);
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

    /**
     * A value axis labelled in grouped whole numbers (180,000,000 rather than 1.8E8), with ticks
     * on whole numbers only: fractional ticks under a whole-number format printed every label
     * several times over (0, 0, 1, 1, 1, 2 ...) on small ranges.
     */
    static NumberAxis wholeNumberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
        axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.US));
        return axis;
    }

    /**
     * Writes the chart in the target's format, {@code width} × {@code height} pixels (SVG user
     * units), through a temporary file then moved, so a failure leaves no partial file.
     */
    static void write(JFreeChart chart, Target target, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = target.path();
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A temporary file is private (0600) by default; ask for 0666, which the umask trims as
        // for any new file, so the chart ends up as readable as the user's other files.
        Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".plot", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")))
                : Files.createTempFile(dir, ".plot", ".tmp");
        try {
            if (target.svg()) {
                SvgCharts.write(chart, temp, width, height);
            } else {
                ChartUtils.saveChartAsPNG(temp.toFile(), chart, width, height);
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
