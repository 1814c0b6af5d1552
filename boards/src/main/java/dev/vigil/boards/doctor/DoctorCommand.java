package dev.vigil.boards.doctor;

import dev.vigil.runtime.cli.Figures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil doctor}: prints every check with a fix hint; exit code = number of failed checks. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that this host can run Vigil, each check with a fix.",
                "Looks at Java, the board, its I2C/SPI/GPIO devices, groups, the config, a model bundle and the "
                        + "broker. Exit code: the number of failed checks (0 = all good)."})
public final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file to check (YAML).")
    private Path config;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle to check.")
    private Path model;

    @Option(names = "--broker", paramLabel = "URL", description = "Broker to reach: tcp://host:port or embedded.")
    private String broker;

    @Option(names = "--board", paramLabel = "ID", description = "Force a board profile (pi5, cm4, pi4b, pi3bplus, "
            + "zero2w, generic) instead of detecting it.")
    private String board;

    @Option(names = "--root", hidden = true, defaultValue = "/", description = "Host root (for tests).")
    private Path root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Check> checks = new Doctor(new HostView(root), Runtime.version().feature())
                .run(new Doctor.Request(board, config, model, broker));
        int failed = 0;
        for (Check c : checks) {
            out.printf("[%-4s] %-14s %s%n", c.status(), c.name(), c.detail());
            if (c.status() == CheckStatus.FAIL) {
                failed++;
                out.printf("       %-14s fix: %s%n", "", c.hint());
            }
        }
        out.println(failed == 0 ? "all checks passed" : Figures.count(failed, "check", "checks") + " failed");
        out.flush();
        return failed;
    }
}
