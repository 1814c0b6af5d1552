package dev.vigil.runtime.cli;

import org.junit.jupiter.api.Test;
import org.tinylog.Level;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log lines read like the command's own messages: one prefix, a level word only where it helps. */
class ConsoleLogWriterTest {
    private static final String OURS = "dev.vigil.runtime.mqtt.Delivery";

    @Test
    void levelsOfVigilsOwnMessages() {
        assertEquals("vigil: connected", ConsoleLogWriter.line(Level.INFO, "connected", null, OURS, false));
        assertEquals("vigil: warning: outbox full", ConsoleLogWriter.line(Level.WARN, "outbox full", null, OURS, false));
        assertEquals("vigil: error: broken", ConsoleLogWriter.line(Level.ERROR, "broken", null, OURS, false));
        assertEquals("vigil: debug: detail [" + OURS + "]", ConsoleLogWriter.line(Level.DEBUG, "detail", null, OURS, false));
    }

    @Test
    void thirdPartyMessagesAreDebugOutputWhateverTheirLevel() {
        assertEquals("vigil: debug: error: Could not get the board version code [com.pi4j.boardinfo.util.BoardInfoHelper]",
                ConsoleLogWriter.line(Level.ERROR, "Could not get the board version code", null,
                        "com.pi4j.boardinfo.util.BoardInfoHelper", false));
        assertEquals("vigil: debug: New context builder [com.pi4j.context.impl.DefaultContextBuilder]",
                ConsoleLogWriter.line(Level.INFO, "New context builder", null, "com.pi4j.context.impl.DefaultContextBuilder", false));
    }

    @Test
    void anExceptionAddsItsMessageOnTheLineAndItsTraceOnlyWhenAskedFor() {
        IOException e = new IOException("disk full");
        assertEquals("vigil: warning: cannot write: disk full", ConsoleLogWriter.line(Level.WARN, "cannot write", e, OURS, false));
        assertEquals("vigil: warning: cannot write: disk full", ConsoleLogWriter.line(Level.WARN, "cannot write: disk full", e, OURS, false),
                "a message that already says why is not repeated");
        String traced = ConsoleLogWriter.line(Level.WARN, "cannot write", e, OURS, true);
        assertTrue(traced.startsWith("vigil: warning: cannot write: disk full" + System.lineSeparator() + "java.io.IOException: disk full"), traced);
        assertTrue(traced.contains("\tat dev.vigil.runtime.cli.ConsoleLogWriterTest"), traced);
    }

    @Test
    void writesEachEntryAsOneLineOnItsStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleLogWriter w = new ConsoleLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        w.write(new org.tinylog.core.LogEntry(null, null, Map.of(), OURS, null, null, 0, null, Level.WARN, "slow", null));
        w.flush();
        assertEquals("vigil: warning: slow" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void debugTurnsOnEverythingAndStackTracesOnlyWithVigilDebug() {
        assertEquals(Map.of(), Logging.overrides(false), "tinylog.properties as it is");
        Map<String, String> debug = Logging.overrides(true);
        assertEquals("debug", debug.get("level"), "third-party libraries too");
        assertEquals("debug", debug.get("level@dev.vigil"));
        assertEquals("debug", debug.get("writer.level"));
        assertEquals("true", debug.get("writer.stacktraces"));
    }
}
