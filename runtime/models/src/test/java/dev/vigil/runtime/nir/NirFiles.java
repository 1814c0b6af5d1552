package dev.vigil.runtime.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small NIR graphs with jHDF's writer, in the layout NIR's own writer uses, for tests. */
public final class NirFiles {
    private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
    private final java.util.List<String[]> edges = new java.util.ArrayList<>();

    /** Adds node {@code name} of {@code type} with parameters given as name, value pairs. */
    public NirFiles node(String name, String type, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        nodes.put(name, p);
        return this;
    }

    /** Adds edges {@code a -> b -> c ...}. */
    public NirFiles chain(String... names) {
        for (int i = 0; i + 1 < names.length; i++) {
            edges.add(new String[] {names[i], names[i + 1]});
        }
        return this;
    }

    /** Writes the graph to {@code file}. */
    public Path write(Path file) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("version", "0.2.0");
            WritableGroup node = f.putGroup("node");
            node.putDataset("type", "NIRGraph");
            node.putDataset("edges", edges.toArray(new String[0][]));
            WritableGroup all = node.putGroup("nodes");
            for (Map.Entry<String, Map<String, Object>> n : nodes.entrySet()) {
                WritableGroup g = all.putGroup(n.getKey());
                for (Map.Entry<String, Object> p : n.getValue().entrySet()) {
                    g.putDataset(p.getKey(), p.getValue());
                }
            }
        }
        return file;
    }
}
