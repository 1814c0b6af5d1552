package dev.vigil.runtime.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIR graph: named nodes and directed edges between them.
 *
 * @param version the file's NIR version string
 * @param nodes   nodes by name, in file order
 * @param edges   edges (source, target)
 */
public record NirGraph(String version, Map<String, NirNode> nodes, List<Edge> edges) {

    public NirGraph {
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        for (Edge e : edges) {
            if (!nodes.containsKey(e.source()) || !nodes.containsKey(e.target())) {
                throw new IllegalArgumentException("edge " + e + " names a node the graph lacks");
            }
        }
    }

    /** A directed edge. */
    public record Edge(String source, String target) {
        @Override
        public String toString() {
            return source + " -> " + target;
        }
    }

    /** Names of the nodes feeding {@code node}. */
    public List<String> sources(String node) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.target().equals(node)) {
                out.add(e.source());
            }
        }
        return out;
    }

    /** Names of the nodes {@code node} feeds. */
    public List<String> targets(String node) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.source().equals(node)) {
                out.add(e.target());
            }
        }
        return out;
    }
}
