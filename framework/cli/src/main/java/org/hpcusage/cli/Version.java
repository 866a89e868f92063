package org.hpcusage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions filled in by the build. */
final class Version {
    private static final Properties PROPS = load();

    private Version() {
    }

    static String project() {
        return PROPS.getProperty("version", "unknown");
    }

    static String spi() {
        return PROPS.getProperty("spi.version", "0.0.0");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/org/hpcusage/cli/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions stay "unknown"
        }
        return p;
    }
}
