package dev.vigil.runtime.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelFileTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, text);
        return f;
    }

    private String refusal(String text) throws Exception {
        Path f = file(text);
        return assertThrows(LabelFileException.class, () -> LabelFile.read(f)).getMessage();
    }

    @Test
    void readsHeaderCommentsSensorPrefixesAndSortsByStart() throws Exception {
        List<LabelInterval> l = LabelFile.read(file("start_us,end_us,label\n# keyword\n5000,9000,audio:yes\n\n100,200,motion\n"));
        assertEquals(List.of(new LabelInterval(100, 200, "", "motion"), new LabelInterval(5000, 9000, "audio", "yes")), l);
        assertTrue(l.get(1).appliesTo("audio") && !l.get(1).appliesTo("dvs") && l.get(0).appliesTo("dvs"));
    }

    @Test
    void anOptionalSensorColumnNamesTheLane() throws Exception {
        List<LabelInterval> l = LabelFile.read(file("start_us,end_us,label,sensor\n1,2,yes,audio\n3,4,motion,\n5,6,audio:no,audio\n7,8,fault\n"));
        assertEquals(List.of(new LabelInterval(1, 2, "audio", "yes"), new LabelInterval(3, 4, "", "motion"),
                new LabelInterval(5, 6, "audio", "no"), new LabelInterval(7, 8, "", "fault")), l);
        assertTrue(refusal("1,2,yes,microphone\n").endsWith("labels.csv line 1: sensor column 'microphone' is not dvs, audio or vibration"));
        assertTrue(refusal("1,2,x\n3,4,dvs:yes,audio\n").endsWith("labels.csv line 2: label prefix 'dvs:' contradicts sensor column 'audio'"));
    }

    @Test
    void badLinesAreRefusedNamingFileLineAndField() throws Exception {
        assertTrue(refusal("1,2,a\n3,x,b\n").endsWith("labels.csv line 2: end_us 'x' is not a whole number of microseconds"));
        assertTrue(refusal("10,5,a\n").endsWith("labels.csv line 1: end_us 5 must be after start_us 10 (both >= 0)"));
        assertTrue(refusal("1,2\n").contains("line 1: expected start_us,end_us,label[,sensor], got 2 fields"));
        assertTrue(refusal("1,2,a,audio,x\n").contains("line 1: expected start_us,end_us,label[,sensor], got 5 fields"));
        assertTrue(refusal("1,2,lidar:x\n").contains("unknown sensor 'lidar'"));
        assertTrue(refusal("1,2,background\n").contains("not 'background'"));
        assertTrue(refusal("1,2," + "a".repeat(2000) + "\n").contains("line 1: longer than 1000 characters"));
        assertThrows(LabelFileException.class, () -> LabelFile.read(dir.resolve("missing.csv")));
    }
}
