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
}
