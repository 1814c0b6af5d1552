package dev.vigil.tests;

import dev.vigil.runtime.cli.VigilCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's command table says what the CLI does, no more and no less: an option added to a
 * command, or one the README names that the CLI lacks, fails here with the table to paste. And every
 * command's help begins with a whole sentence, as the command list in {@code vigil --help} shows it.
 */
class ReadmeCommandTableTest {
    static final String BEGIN = "<!-- command table: checked against the CLI by ReadmeCommandTableTest, which prints it when they differ -->";
    static final String END = "<!-- end of command table -->";

    @Test
    void theReadmeTableIsTheOneTheCliDefines() throws Exception {
        String readme = Files.readString(TestPaths.root().resolve("README.md"));
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertTrue(from >= 0 && to > from, "README.md marks its command table with " + BEGIN + " and " + END);
        String table = readme.substring(from + BEGIN.length(), to).strip() + "\n";
        assertEquals(CommandTable.markdown(), table, "README.md's command table differs from the CLI; paste the expected one");
    }

    @Test
    void everyDescriptionIsMadeOfWholeSentences() {
        for (Map.Entry<String, CommandLine> e : VigilCli.commandLine().getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            String[] description = e.getValue().getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, e.getKey() + " has a description");
            for (String part : description) {
                assertTrue(part.endsWith("."), "'" + e.getKey() + "' description part is cut mid-sentence: '" + part + "'");
                assertTrue(Character.isUpperCase(part.charAt(0)), "'" + e.getKey() + "' description part starts a sentence: '" + part + "'");
            }
        }
    }
}
