package org.hpcusage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpcusage.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {
    @TempDir
    Path temp;

    private Path write(String text) throws IOException {
        return Files.writeString(temp.resolve("hpcusage.yaml"), text);
    }

    @Test
    void aFileOfCommentsOnlyIsAnEmptySiteFile() throws IOException {
        // The distribution ships conf/hpcusage.yaml with every key commented out.
        SiteConfig config = SiteConfig.load(write("# nothing set here\n# database: x\n"));
        assertNull(config.database());
        assertEquals("zstd", config.recordCodec());
        assertTrue(config.machines().isEmpty());
    }

    @Test
    void anEmptyFileIsAnEmptySiteFile() throws IOException {
        assertTrue(SiteConfig.load(write("")).machines().isEmpty());
    }

    @Test
    void machineEntriesKeepTheirRuleApartFromItsParameters() throws IOException {
        SiteConfig config = SiteConfig.load(write("""
                database: /srv/jobs.db
                records: {codec: gzip}
                machines:
                  mycluster:
                    scheduler: pbs
                    time-zone: Europe/Berlin
                    charging: {rule: requested-resources, cores-per-node: 64}
                """));
        assertEquals("/srv/jobs.db", config.database());
        assertEquals("gzip", config.recordCodec());
        SiteConfig.MachineEntry entry = config.machines().get("mycluster");
        assertEquals("pbs", entry.scheduler());
        assertEquals("Europe/Berlin", entry.timeZone());
        assertEquals("requested-resources", entry.chargingRule());
        assertEquals("64", entry.charging().asMap().get("cores-per-node").toString());
    }

    @Test
    void theScoreboardRootIsReadAndItsKeysChecked() throws IOException {
        assertEquals("/depot/sb", SiteConfig.load(write("scoreboard:\n  root: /depot/sb\n")).scoreboardRoot());
        assertNull(SiteConfig.load(write("database: x\n")).scoreboardRoot());
        Path typo = write("scoreboard: {rot: /depot/sb}\n");
        UserException e = assertThrows(UserException.class, () -> SiteConfig.load(typo));
        assertTrue(e.getMessage().contains("unknown key 'rot' at scoreboard (expected one of root)"), e.getMessage());
    }

    @Test
    void mistakesAreOneLineErrorsNamingTheFile() throws IOException {
        Path unknown = write("machnes: {}\n");
        UserException e = assertThrows(UserException.class, () -> SiteConfig.load(unknown));
        assertTrue(e.getMessage().startsWith(unknown + ": unknown key 'machnes'"), e.getMessage());

        Path codec = write("records: {codec: lz4}\n");
        e = assertThrows(UserException.class, () -> SiteConfig.load(codec));
        assertTrue(e.getMessage().contains("records.codec must be zstd or gzip"), e.getMessage());

        Path broken = write("machines: [\n");
        e = assertThrows(UserException.class, () -> SiteConfig.load(broken));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        e = assertThrows(UserException.class, () -> SiteConfig.load(temp.resolve("absent.yaml")));
        assertEquals("site file not found: " + temp.resolve("absent.yaml"), e.getMessage());
    }
}
