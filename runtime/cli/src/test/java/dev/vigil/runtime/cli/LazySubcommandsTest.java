package dev.vigil.runtime.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command line that names a subcommand builds only that one (picocli reads each command's options by
 * reflection at start); usage, {@code help} and a mistyped name still see every subcommand, and are
 * answered as before.
 */
class LazySubcommandsTest {
    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("devices"), VigilCli.commandLine(new String[] {"devices"}).getSubcommands().keySet());
        assertEquals(Set.of("run"), VigilCli.commandLine(new String[] {"run", "--duration", "1"}).getSubcommands().keySet());
    }

    @Test
    void everyBuiltInNameBuildsTheCommandOfThatName() {
        Set<String> names = VigilCli.commandLine().getSubcommands().keySet();
        for (String name : names) {
            if (!name.equals("help")) {
                assertEquals(Set.of(name), VigilCli.commandLine(new String[] {name}).getSubcommands().keySet(), name);
            }
        }
    }

    @Test
    void theVersionAloneNeedsNone() {
        for (String option : new String[] {"--version", "-V"}) {
            CommandLine cl = VigilCli.commandLine(new String[] {option});
            assertEquals(Set.of(), cl.getSubcommands().keySet(), option);
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute(option));
            assertTrue(out.toString().startsWith("vigil "), out.toString());
        }
    }

    @Test
    void usageHelpAndMistakesSeeThemAll() {
        int all = VigilCli.commandLine().getSubcommands().size();
        assertTrue(all >= 15, "every built-in subcommand: " + all);
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "run"}, {"rnu"}, {"--version", "run"}}) {
            assertEquals(all, VigilCli.commandLine(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void aSubcommandsOwnHelpAndAMistypedNameBehaveAsBefore() {
        StringWriter out = new StringWriter();
        CommandLine cl = VigilCli.commandLine(new String[] {"devices", "--help"});
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("devices", "--help"));
        assertTrue(out.toString().contains("Usage: vigil devices"), out.toString());

        StringWriter err = new StringWriter();
        CommandLine typo = VigilCli.commandLine(new String[] {"devcies"});
        typo.setErr(new PrintWriter(err));
        assertEquals(2, typo.execute("devcies"));
        assertTrue(err.toString().contains("Unmatched argument at index 0: 'devcies' (see 'vigil --help')"), err.toString());
    }
}
