package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scoreboard.Doctor;

/** {@code scoreboard doctor}: locks, cursors, last poll errors, permissions, free disk; exit 1 on a problem. */
final class ScoreboardDoctorCommand extends LeafCommand {

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "Check a scoreboard root: per-cluster locks, cursors and last poll errors, file permissions, free disk.";
    }

    @Override
    protected Options options() {
        return new Options().addOption(ScoreboardSupport.rootOption());
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard doctor --root /depot/sb";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Path root = ScoreboardSupport.root(ctx, line, true);
        List<Doctor.Finding> findings = Doctor.check(root, Instant.now());
        boolean failed = false;
        for (Doctor.Finding f : findings) {
            ctx.out().println((f.problem() ? "FAIL " : "ok   ") + f.where() + ": " + f.what());
            failed |= f.problem();
        }
        return failed ? 1 : 0;
    }
}
