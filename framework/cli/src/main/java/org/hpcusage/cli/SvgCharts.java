package org.hpcusage.cli;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;

/**
 * A chart as an SVG file: JFreeChart draws on Batik's {@link SVGGraphics2D}, a Graphics2D that
 * records every shape and string as SVG elements of a DOM document (the JDK's own), which is
 * then streamed out. Text stays text (selectable, searchable), not glyph outlines.
 */
final class SvgCharts {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgCharts() {
    }

    static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM available: " + e.getMessage(), e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment("hpcusage jobs plot");
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        // JFreeChart draws rotated labels (a histogram's slanted band names) as a TextLayout by
        // default, which Batik can only record as glyph outlines; drawString with a rotated
        // transform, fine on current JDKs, keeps them <text> like every other label.
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            g.stream(w, true);
        } finally {
            g.dispose();
        }
    }
}
