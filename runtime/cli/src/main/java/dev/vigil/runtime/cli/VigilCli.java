package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.ConfigWarmUp;
import dev.vigil.runtime.provider.Providers;
import org.tinylog.jul.JulTinylogBridge;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Entry point of the {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Always-on sensing: a spiking front end wakes a dense stage only on salient events.")
public final class VigilCli implements Runnable {
    /**
     * The built-in subcommands by name, in the order usage lists them. The names are their {@code @Command}
     * names written again (LazySubcommandsTest checks each): reading the annotations of every command to find
     * the one named took 15-50 ms of start-up.
     */
    private static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS = List.of(
            Map.entry("replay", ReplayCommand.class), Map.entry("run", RunCommand.class),
            Map.entry("record", RecordCommand.class), Map.entry("inspect", InspectCommand.class),
            Map.entry("convert", ConvertCommand.class), Map.entry("compile", CompileCommand.class),
            Map.entry("simulate", SimulateCommand.class), Map.entry("export-nir", ExportNirCommand.class),
            Map.entry("train", TrainCommand.class), Map.entry("eval", EvalCommand.class),
            Map.entry("report", ReportCommand.class), Map.entry("synth", SynthCommand.class),
            Map.entry("devices", DevicesCommand.class), Map.entry("bench", BenchCommand.class),
            Map.entry("help", CommandLine.HelpCommand.class));
    /** The options that print the version and nothing else. */
    private static final List<String> VERSION_OPTIONS = List.of("-V", "--version");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed (e.g. replay, synth, devices)");
    }

    /** Builds the command line with every contributed subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * Builds the command line for {@code args}: with only the built-in subcommand they name, when they
     * start with one (picocli reads every command's options by reflection: 140-175 ms of {@code vigil
     * run}'s start-up for all of them), with none for {@code --version} alone; else, for usage and
     * {@code help}, with every subcommand.
     */
    static CommandLine commandLine(String[] args) {
        String wanted = args != null && args.length > 0 ? args[0] : null;
        boolean version = args != null && args.length == 1 && VERSION_OPTIONS.contains(wanted);
        boolean named = !"help".equals(wanted) && SUBCOMMANDS.stream().anyMatch(c -> c.getKey().equals(wanted));
        CommandLine cl = new CommandLine(new VigilCli());
        for (Map.Entry<String, Class<?>> c : SUBCOMMANDS) {
            if (!version && (!named || c.getKey().equals(wanted))) {
                cl.addSubcommand(c.getValue());
            }
        }
        for (CommandProvider p : Providers.load(CommandProvider.class)) {
            cl.addSubcommand(p.command());
        }
        cl.setParameterExceptionHandler(VigilCli::usageError);
        cl.setExecutionExceptionHandler(VigilCli::failure);
        return cl;
    }

    /** Runs {@code args} and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command's main method. */
    public static void main(String[] args) {
        ConfigWarmUp.start();
        Logging.configure();
        JulTinylogBridge.activate();
        FatalErrors.install();
        ArchiveMarker.removeOnExit();
        System.exit(execute(args));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        String name = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println(ConsoleLines.error(e.getMessage() + " (see '" + name + " --help')"));
        return 2;
    }

    private static int failure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println(ConsoleLines.error(message.replace('\n', ' ')));
        if (Logging.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof UserError ue ? ue.exitCode() : 1;
    }
}
