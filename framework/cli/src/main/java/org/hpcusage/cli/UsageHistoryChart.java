package org.hpcusage.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Map;
import org.hpcusage.core.report.output.Report;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The usage-history report as a chart: CPU hours as bars on the left axis, GPU hours as a line
 * on the right axis (GPU hours are usually orders of magnitude smaller), one category per
 * period. Rendered headless with JFreeChart.
 */
final class UsageHistoryChart {
    private UsageHistoryChart() {
    }

    static JFreeChart of(Report history, String title) {
        DefaultCategoryDataset cpu = new DefaultCategoryDataset();
        DefaultCategoryDataset gpu = new DefaultCategoryDataset();
        for (Map<String, Object> row : history.rows()) {
            String period = String.valueOf(row.get("Date"));
            cpu.addValue((Number) row.get("#-CPU-Hrs"), "CPU hours", period);
            gpu.addValue((Number) row.get("#-GPU-Hrs"), "GPU hours", period);
        }
        CategoryAxis periods = new CategoryAxis("Period");
        if (history.rows().size() > 12) {
            periods.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x4C, 0x72, 0xB0));
        CategoryPlot plot = new CategoryPlot(cpu, periods, Charts.wholeNumberAxis("CPU hours"), bars);
        plot.setDataset(1, gpu);
        plot.setRangeAxis(1, Charts.wholeNumberAxis("GPU hours"));
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, new Color(0xDD, 0x84, 0x52));
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
