package org.hpcusage.cli;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.site.MachineDefinition;

/**
 * The sacct call rate of the scoreboard commands (slurm-scoreboard.md §1.4): {@code --rate-per-min}
 * over the site file's {@code sacct-rate-per-minute} (the machine's parser block) over
 * {@code $SLURM_SB_RATE_PER_MIN} over the sacct source's own default, 2 a minute. The rate in
 * force is laid over the machine's parser settings, which is where the source reads it.
 */
final class ScoreboardRate {
    /** The sacct source's site-file key (plugins/slurm SacctSource.RATE). */
    static final String KEY = "sacct-rate-per-minute";
    static final String ENV = "SLURM_SB_RATE_PER_MIN";

    private ScoreboardRate() {
    }

    static Option option() {
        return LeafCommand.opt(null, "rate-per-min", "N", "sacct calls a minute for this cluster, at least 1 (default: the "
                + "site file's " + KEY + ", else $" + ENV + ", else 2)");
    }

    /** The machine with the rate in force in its parser settings. */
    static Machine apply(CommandLine line, Machine machine) {
        MachineDefinition d = machine.definition();
        Settings s = apply(line.getOptionValue("rate-per-min"), d.parser(), d.name(), System::getenv);
        if (s == d.parser()) {
            return machine;
        }
        return new Machine(new MachineDefinition(d.name(), d.scheduler(), d.timeZone(), d.logPath(), s, d.chargingRule(),
                d.charging(), d.reports()), machine.zone(), machine.parser(), machine.rule());
    }

    /**
     * {@code site} with the rate in force, or {@code site} itself when the site file's rate (or,
     * with none anywhere, the source's default) stands. A bad flag or variable is a usage error,
     * a bad site-file value names the machine.
     */
    static Settings apply(String flag, Settings site, String machine, UnaryOperator<String> env) {
        if (flag != null) {
            return site.overriddenBy(Settings.of(Map.of(KEY, parse("--rate-per-min", flag))));
        }
        if (site.has(KEY)) {
            try {
                parse(KEY, site.string(KEY, null));
            } catch (UsageException e) {
                throw new UserException("site file, machine '" + machine + "': " + e.getMessage());
            }
            return site;
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return site.overriddenBy(Settings.of(Map.of(KEY, parse("$" + ENV, fromEnv))));
        }
        return site;
    }

    /** A plain decimal number ("2", "0.5", "1.5") of at least 1; no sign, exponent, NaN or Infinity. */
    static double parse(String what, String value) {
        String v = value == null ? "" : value.strip();
        boolean digit = false;
        boolean dot = false;
        boolean plain = !v.isEmpty();
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                plain = false;
            }
        }
        double rate = plain && digit ? Double.parseDouble(v) : Double.NaN;
        if (!(rate >= 1) || Double.isInfinite(rate)) {
            throw new UsageException(what + " must be a number of sacct calls a minute, at least 1, not '" + value + "'");
        }
        return rate;
    }
}
