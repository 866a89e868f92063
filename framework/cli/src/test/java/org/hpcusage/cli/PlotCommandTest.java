package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs plot usage-history} writes a real PNG of the asked size; bad targets are usage errors. */
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
    void svgAndOtherTargetsAreUsageErrors() {
        MainTest.Run svg = MainTest.run("jobs", "plot", "usage-history", "--out", temp.resolve("u.svg").toString());
        assertEquals(2, svg.exit());
        assertTrue(svg.err().startsWith("hpcusage: --out: SVG is not supported"), svg.err());
        MainTest.Run none = MainTest.run("jobs", "plot", "usage-history");
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("hpcusage: --out FILE.png is required"), none.err());
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
