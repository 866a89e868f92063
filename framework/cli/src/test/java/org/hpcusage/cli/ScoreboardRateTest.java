package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rate in force: --rate-per-min > the site file > $SLURM_SB_RATE_PER_MIN > the source's 2. */
class ScoreboardRateTest {
    private static final Settings SITE = Settings.of(Map.of("sacct-command", "/opt/slurm/bin/sacct", "sacct-rate-per-minute", 6));
    private static final Settings SITE_WITHOUT_RATE = Settings.of(Map.of("sacct-command", "/opt/slurm/bin/sacct"));
    private static final UnaryOperator<String> NO_ENV = name -> null;

    private static UnaryOperator<String> env(String value) {
        return name -> name.equals("SLURM_SB_RATE_PER_MIN") ? value : null;
    }

    private static Object rate(Settings s) {
        return s.asMap().get("sacct-rate-per-minute");
    }

    @Test
    void theFlagWinsOverTheSiteFileAndTheEnvironment() {
        Settings s = ScoreboardRate.apply("10", SITE, "hammer", env("4"));
        assertEquals(10.0, rate(s));
        assertEquals("/opt/slurm/bin/sacct", s.string("sacct-command", null)); // the rest of the block stays
    }

    @Test
    void theSiteFileWinsOverTheEnvironment() {
        assertSame(SITE, ScoreboardRate.apply(null, SITE, "hammer", env("4")));
    }

    @Test
    void theEnvironmentIsTheDefaultWhenTheSiteFileSaysNothing() {
        assertEquals(4.0, rate(ScoreboardRate.apply(null, SITE_WITHOUT_RATE, "hammer", env("4"))));
        assertEquals(1.5, rate(ScoreboardRate.apply(null, SITE_WITHOUT_RATE, "hammer", env(" 1.5 "))));
    }

    @Test
    void withNoneTheSourceKeepsItsOwnDefault() {
        assertSame(SITE_WITHOUT_RATE, ScoreboardRate.apply(null, SITE_WITHOUT_RATE, "hammer", NO_ENV));
        assertSame(SITE_WITHOUT_RATE, ScoreboardRate.apply(null, SITE_WITHOUT_RATE, "hammer", env("")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.5", "abc", "", "NaN", "Infinity", "1e3", "2d", "+3", "1.2.3", "."})
    void badFlagValuesAreUsageErrors(String value) {
        UsageException e = assertThrows(UsageException.class, () -> ScoreboardRate.apply(value, SITE, "hammer", NO_ENV));
        assertEquals("--rate-per-min must be a number of sacct calls a minute, at least 1, not '" + value + "'", e.getMessage());
    }

    @Test
    void aBadEnvironmentValueIsAUsageErrorOnlyWhenItIsUsed() {
        UsageException e = assertThrows(UsageException.class,
                () -> ScoreboardRate.apply(null, SITE_WITHOUT_RATE, "hammer", env("fast")));
        assertEquals("$SLURM_SB_RATE_PER_MIN must be a number of sacct calls a minute, at least 1, not 'fast'", e.getMessage());
        assertEquals(3.0, rate(ScoreboardRate.apply("3", SITE_WITHOUT_RATE, "hammer", env("fast"))));
        assertSame(SITE, ScoreboardRate.apply(null, SITE, "hammer", env("fast")));
    }

    @Test
    void aBadSiteFileValueNamesTheMachine() {
        UserException e = assertThrows(UserException.class, () -> ScoreboardRate.apply(null,
                Settings.of(Map.of("sacct-rate-per-minute", 0)), "hammer", NO_ENV));
        assertEquals("site file, machine 'hammer': sacct-rate-per-minute must be a number of sacct calls a minute, "
                + "at least 1, not '0'", e.getMessage());
    }
}
