package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.provider.Providers;
import org.tinylog.jul.JulTinylogBridge;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Always-on sensing: a spiking front end wakes a dense stage only on salient events.")
public final class VigilCli implements Runnable {
    /** The built-in subcommands, in the order usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ReplayCommand.class, RunCommand.class, RecordCommand.class,
            InspectCommand.class, ConvertCommand.class, CompileCommand.class, SimulateCommand.class, ExportNirCommand.class,
            TrainCommand.class, EvalCommand.class, ReportCommand.class, SynthCommand.class, DevicesCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class);
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
        boolean named = SUBCOMMANDS.stream().anyMatch(c -> !c.equals(CommandLine.HelpCommand.class) && names(c).contains(wanted));
        CommandLine cl = new CommandLine(new VigilCli());
        for (Class<?> c : SUBCOMMANDS) {
            if (!version && (!named || names(c).contains(wanted))) {
                cl.addSubcommand(c);
            }
        }
        for (CommandProvider p : Providers.load(CommandProvider.class)) {
            cl.addSubcommand(p.command());
        }
        cl.setParameterExceptionHandler(VigilCli::usageError);
        cl.setExecutionExceptionHandler(VigilCli::failure);
        return cl;
    }

    private static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(c.aliases()));
        names.add(c.name());
        return names;
    }

    /** Runs {@code args} and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command's main method. */
    public static void main(String[] args) {
        ConfigLoader.warmUp();
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
