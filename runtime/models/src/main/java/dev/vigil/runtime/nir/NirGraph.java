package dev.vigil.runtime.nir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A NIR graph: named nodes and directed edges between them. A node may itself be a graph
 * ({@link NirNode.Graph}); an edge naming such a node means its Input node (as target) or its Output
 * node (as source), and {@code sub.inner} names node {@code inner} of subgraph {@code sub}.
 *
 * @param version the file's NIR version string
 * @param nodes   nodes by name, in file order
 * @param edges   edges (source, target)
 */
public record NirGraph(String version, Map<String, NirNode> nodes, List<Edge> edges) {

    public NirGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        for (Edge e : edges) {
            if (!resolves(nodes, e.source()) || !resolves(nodes, e.target())) {
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

    /** Whether {@code ref} names a node of {@code nodes}, directly or as {@code sub.inner}. */
    static boolean resolves(Map<String, NirNode> nodes, String ref) {
        if (nodes.containsKey(ref)) {
            return true;
        }
        int dot = ref.indexOf('.');
        return dot > 0 && nodes.get(ref.substring(0, dot)) instanceof NirNode.Graph g
                && resolves(g.graph().nodes(), ref.substring(dot + 1));
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

    /**
     * The same network without nested graphs: a subgraph's nodes join the top level as
     * {@code sub/inner}, and its Input and Output nodes, which only pass values on, are replaced by
     * edges from what fed them to what they feed. A graph without subgraphs comes back unchanged.
     *
     * @throws IllegalArgumentException when an edge names a subgraph without exactly one Input (as
     *                                  target) or Output (as source) node
     */
    public NirGraph flatten() {
        if (nodes.values().stream().noneMatch(NirNode.Graph.class::isInstance)) {
            return this;
        }
        Map<String, NirNode> flat = new LinkedHashMap<>();
        List<Edge> flatEdges = new ArrayList<>();
        Set<String> passThrough = new LinkedHashSet<>();
        inline(this, "", flat, flatEdges, passThrough);
        for (String p : passThrough) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (Edge e : flatEdges) {
                if (e.target().equals(p)) {
                    from.add(e.source());
                }
                if (e.source().equals(p)) {
                    to.add(e.target());
                }
            }
            flatEdges.removeIf(e -> e.source().equals(p) || e.target().equals(p));
            for (String a : from) {
                for (String b : to) {
                    flatEdges.add(new Edge(a, b));
                }
            }
            flat.remove(p);
        }
        return new NirGraph(version, flat, flatEdges);
    }

    private static void inline(NirGraph graph, String prefix, Map<String, NirNode> flat, List<Edge> edges,
                               Set<String> passThrough) {
        for (Map.Entry<String, NirNode> n : graph.nodes().entrySet()) {
            String name = prefix + n.getKey();
            if (n.getValue() instanceof NirNode.Graph g) {
                inline(g.graph(), name + "/", flat, edges, passThrough);
            } else {
                flat.put(name, n.getValue());
                if (!prefix.isEmpty() && (n.getValue() instanceof NirNode.Input
                        || n.getValue() instanceof NirNode.Output)) {
                    passThrough.add(name);
                }
            }
        }
        for (Edge e : graph.edges()) {
            edges.add(new Edge(endpoint(graph, e.source(), prefix, NirNode.Output.class),
                    endpoint(graph, e.target(), prefix, NirNode.Input.class)));
        }
    }

    /** The flat name of edge endpoint {@code ref}: for a subgraph, its one node of type {@code port}. */
    private static String endpoint(NirGraph graph, String ref, String prefix, Class<? extends NirNode> port) {
        NirNode node = graph.nodes().get(ref);
        if (node == null) {
            int dot = ref.indexOf('.');
            String head = ref.substring(0, dot);
            return endpoint(((NirNode.Graph) graph.nodes().get(head)).graph(), ref.substring(dot + 1),
                    prefix + head + "/", port);
        }
        if (node instanceof NirNode.Graph g) {
            List<String> ports = g.graph().nodes().entrySet().stream().filter(x -> port.isInstance(x.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (ports.size() != 1) {
                throw new IllegalArgumentException("an edge names subgraph '" + prefix + ref + "', which has "
                        + ports.size() + " " + port.getSimpleName() + " nodes; name the inner node instead ('"
                        + ref + ".<node>')");
            }
            return endpoint(g.graph(), ports.getFirst(), prefix + ref + "/", port);
        }
        return prefix + ref;
    }
}
