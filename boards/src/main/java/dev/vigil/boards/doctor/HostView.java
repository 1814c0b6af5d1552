package dev.vigil.boards.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the host the doctor looks at, all as files under a root ({@code /} normally, a
 * fixture directory in tests): {@code dev/}, {@code proc/device-tree/model}, {@code proc/meminfo},
 * {@code proc/self/status} (uid and groups) and {@code etc/group}.
 */
public final class HostView {
    private final Path root;

    /** The host seen from {@code root}. */
    public HostView(Path root) {
        this.root = root;
    }

    /** {@code absolute} (e.g. {@code /dev/i2c-1}) under the root. */
    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** The real uid of this process, or -1 if unknown. */
    public int uid() {
        return firstNumber(statusField("Uid:"));
    }

    /** Group ids of this process (supplementary and primary). */
    public Set<Integer> groupIds() {
        Set<Integer> ids = new HashSet<>();
        for (String s : statusField("Groups:").trim().split("\\s+")) {
            if (!s.isEmpty()) {
                ids.add(Integer.parseInt(s));
            }
        }
        int gid = firstNumber(statusField("Gid:"));
        if (gid >= 0) {
            ids.add(gid);
        }
        return ids;
    }

    /** Group name to gid, from {@code etc/group}. */
    public Map<String, Integer> groups() {
        Map<String, Integer> groups = new HashMap<>();
        try {
            for (String line : Files.readAllLines(path("/etc/group"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && !f[2].isEmpty()) {
                    groups.put(f[0], Integer.parseInt(f[2]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return groups;
        }
        return groups;
    }

    private String statusField(String key) {
        try {
            for (String line : Files.readAllLines(path("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return line.substring(key.length());
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static int firstNumber(String s) {
        String[] f = s.trim().split("\\s+");
        try {
            return f.length == 0 || f[0].isEmpty() ? -1 : Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
