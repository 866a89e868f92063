package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code jobs plot} writes real PNG and SVG charts of the asked size; bad targets are usage errors. */
class PlotCommandTest {
    @TempDir
    Path temp;

    @Test
    void writesAPngOfTheUsageHistory() throws IOException {
        String db = ResourceCommandTest.syncFixture(temp);
        Path png = temp.resolve("charts/usage.png");
        MainTest.Run r = MainTest.run("--db", db, "jobs", "plot", "usage-history", "-m", "derecho", "--group-by", "day",
                "--out", png.toString(), "--width", "640", "--height", "400");
        assertEquals(0, r.exit(), r.err());
        // Feb 10, Feb 11 and Mar 2 have jobs (see /pbs/resource/README.md): three periods.
        assertEquals("Chart saved to " + png.toAbsolutePath() + " (3 periods)", r.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "a drawn chart, not a blank image: " + colours.size() + " colours");
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void helpHasAnExample() {
        MainTest.Run r = MainTest.run("jobs", "plot", "usage-history", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("hpcusage jobs plot usage-history -m derecho"), r.out());
    }

    @Test
    void missingAndUnknownTargetsAreOneLineUsageErrors() {
        MainTest.Run pdf = MainTest.run("jobs", "plot", "usage-history", "--out", temp.resolve("u.pdf").toString());
        assertEquals(2, pdf.exit());
        // One line saying what is wrong (then the usual pointer to --help), no stack trace.
        assertEquals("hpcusage: --out must name a .png or .svg file, not '" + temp.resolve("u.pdf") + "'",
                pdf.err().lines().findFirst().orElse(""));
        assertFalse(pdf.err().contains("Exception"), pdf.err());
        MainTest.Run none = MainTest.run("jobs", "plot", "histogram", "wait");
        assertEquals(2, none.exit());
        assertEquals("hpcusage: --out FILE.png or FILE.svg is required", none.err().lines().findFirst().orElse(""));
    }

    @Test
    void writesTheUsageHistoryAsSvgWithItsTitleAndSize() throws Exception {
        String db = ResourceCommandTest.syncFixture(temp);
        Path svg = temp.resolve("charts/usage.SVG");
        MainTest.Run r = MainTest.run("--db", db, "jobs", "plot", "usage-history", "-m", "derecho", "--group-by", "day",
                "--out", svg.toString(), "--width", "640", "--height", "400");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Chart saved to " + svg.toAbsolutePath() + " (3 periods)", r.out().strip());
        Element root = svgRoot(svg);
        assertEquals("640", root.getAttribute("width"));
        assertEquals("400", root.getAttribute("height"));
        List<String> texts = texts(root);
        assertTrue(texts.contains("derecho: CPU and GPU hours per day"), texts.toString());
        // The three days with derecho jobs (see /pbs/resource/README.md) name the categories.
        assertTrue(texts.containsAll(List.of("2026-02-10", "2026-02-11", "2026-03-02", "CPU hours", "GPU hours")), texts.toString());
        try (var files = Files.list(svg.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void drawsOneSvgBarPerOwnerWithLengthsInProportion() throws Exception {
        String db = ResourceCommandTest.syncFixture(temp);
        Path svg = temp.resolve("top.svg");
        MainTest.Run r = MainTest.run("--db", db, "jobs", "plot", "usage-by", "user", "-m", "derecho", "--limit", "3",
                "--out", svg.toString(), "--width", "500", "--height", "300");
        assertEquals(0, r.exit(), r.err());
        Element root = svgRoot(svg);
        assertTrue(texts(root).containsAll(List.of("derecho: cpu hours by user", "erin", "carol", "bob")), texts(root).toString());
        // Top three by hours: erin, carol, bob; their CPU hours 512, 256 and 192 (README), so
        // the horizontal bars are as long as 1 : 1/2 : 3/8.
        List<Element> bars = bars(root);
        assertEquals(3, bars.size());
        double erin = Double.parseDouble(bars.get(0).getAttribute("width"));
        assertEquals(0.5, Double.parseDouble(bars.get(1).getAttribute("width")) / erin, 1e-3);
        assertEquals(0.375, Double.parseDouble(bars.get(2).getAttribute("width")) / erin, 1e-3);
    }

    @Test
    void drawsEverySvgHistogramBand() throws Exception {
        String db = ResourceCommandTest.syncFixture(temp);
        Path svg = temp.resolve("gpus.svg");
        MainTest.Run r = MainTest.run("--db", db, "jobs", "plot", "histogram", "gpus", "-m", "derecho", "--out", svg.toString());
        assertEquals(0, r.exit(), r.err());
        Element root = svgRoot(svg);
        // The gpus table of reference §8.3 has 11 bands (derecho has no caps); zero bands are
        // drawn too, as zero-height bars, so a reader sees the whole axis.
        List<String> labels = List.of("0", "1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65-128", "129-256", ">256");
        assertTrue(texts(root).containsAll(labels), texts(root).toString());
        List<Element> bars = bars(root);
        assertEquals(labels.size(), bars.size());
        // Six derecho jobs without GPUs, one (J4) with 1: the first bar is six times the second.
        double zero = Double.parseDouble(bars.get(0).getAttribute("height"));
        assertEquals(6.0, zero / Double.parseDouble(bars.get(1).getAttribute("height")), 1e-3);
        for (Element empty : bars.subList(2, bars.size())) {
            assertEquals("line", empty.getLocalName(), "bands 2 and up hold no job");
        }
    }

    /** The parsed file's root element, which must be an SVG {@code <svg>} (the DTD is not fetched). */
    private static Element svgRoot(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        return root;
    }

    private static List<String> texts(Element root) {
        List<String> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    /**
     * The shapes filled with the bar colour (#4C72B0), in drawing order: {@code <rect>}s, and
     * {@code <line>}s for zero-height bars (Batik writes a degenerate rectangle as a line).
     */
    private static List<Element> bars(Element root) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if ((e.getLocalName().equals("rect") || e.getLocalName().equals("line"))
                    && e.getAttribute("style").contains("fill:rgb(76,114,176)")) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void plotsTheTopOwnersOfUsageByAsBars() throws IOException {
        String db = ResourceCommandTest.syncFixture(temp);
        Path png = temp.resolve("top.png");
        // Derecho users by hours (cpu + gpu, see /pbs/resource/README.md): erin 512, carol 256 + 8,
        // bob 192, alice 128, dave 1.33; --limit 3 keeps three bars.
        MainTest.Run r = MainTest.run("--db", db, "jobs", "plot", "usage-by", "user", "-m", "derecho", "--limit", "3",
                "--out", png.toString(), "--width", "500", "--height", "300");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Chart saved to " + png.toAbsolutePath() + " (3 bars)", r.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(500, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void plotsEveryBandOfAHistogramAndRefusesAnUnknownMetric() throws IOException {
        String db = ResourceCommandTest.syncFixture(temp);
        Path png = temp.resolve("gpus.png");
        MainTest.Run r = MainTest.run("--db", db, "jobs", "plot", "histogram", "gpus", "-m", "derecho", "--out", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(png) > 0);
        MainTest.Run bad = MainTest.run("--db", db, "jobs", "plot", "histogram", "gpus", "-m", "derecho", "--metric", "power",
                "--out", temp.resolve("x.png").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("hpcusage: --metric must be one of job_count"), bad.err());
        assertTrue(Files.notExists(temp.resolve("x.png")));
    }
}
