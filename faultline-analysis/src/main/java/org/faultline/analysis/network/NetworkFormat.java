package org.faultline.analysis.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.faultline.analysis.Flow;
import org.faultline.query.ActorKey;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * File formats for an {@link ActorNetwork}, written with JGraphT's exporters. Every format carries on every node
 * {@code label}, {@code name}, {@code key} (RUS, HAMAS), {@code kind} ({@code country} or {@code group}),
 * {@code sector} (empty at country level), {@code cooperation}, {@code conflict}, {@code activity}; on every edge
 * {@code cooperation}, {@code conflict}, {@code refusals}, {@code net} and {@code goldstein}, whatever their values
 * (GEXF also writes net as the edge weight). The network as JSON is the answer of {@link NetworkJson}, which the
 * command line and the API share.
 */
public enum NetworkFormat {
    GRAPHML, GEXF, DOT;

    private static final String[] NODE_TEXT = {"name", "key", "kind", "sector"};
    private static final String[] NODE_COUNTS = {"cooperation", "conflict", "activity"};
    private static final String[] EDGE_COUNTS = {"cooperation", "conflict", "refusals"};
    private static final String[] EDGE_SCORES = {"net", "goldstein"};
    private static final java.util.Set<String> BOTH = java.util.Set.of("cooperation", "conflict");

    public static NetworkFormat parse(String s) {
        for (NetworkFormat f : values()) {
            if (f.name().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown network format '" + s + "'; expected one of "
                + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** Writes the network; the writer is flushed, not closed. */
    public void write(ActorNetwork network, Writer out) {
        Graph<ActorKey, Flow> g = network.toGraph();
        Map<ActorKey, ActorNetwork.Node> nodes = network.nodeMap();
        switch (this) {
            case GRAPHML: {
                // Every attribute is an ordinary key written on every node and edge: JGraphT's edge-weight export
                // leaves out weights equal to the key's default, and networkx then has no attribute on that edge.
                GraphMLExporter<ActorKey, Flow> x = new GraphMLExporter<>(ActorKey::toString);
                x.setExportVertexLabels(true);
                x.setVertexLabelAttributeName("label");
                for (String a : NODE_TEXT) {
                    x.registerAttribute(a, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
                }
                // one key per name: cooperation and conflict, on nodes and edges, are keys "for all"
                for (String a : NODE_COUNTS) {
                    x.registerAttribute(a, BOTH.contains(a) ? GraphMLExporter.AttributeCategory.ALL
                            : GraphMLExporter.AttributeCategory.NODE, AttributeType.LONG);
                }
                for (String a : EDGE_COUNTS) {
                    if (!BOTH.contains(a)) {
                        x.registerAttribute(a, GraphMLExporter.AttributeCategory.EDGE, AttributeType.LONG);
                    }
                }
                for (String a : EDGE_SCORES) {
                    x.registerAttribute(a, GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
                }
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(NetworkFormat::edgeAttributes);
                x.exportGraph(g, out);
                break;
            }
            case GEXF: {
                GEXFExporter<ActorKey, Flow> x = new GEXFExporter<>(ActorKey::toString,
                        e -> e.source() + "->" + e.target());
                x.setCreator("Faultline");
                x.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
                for (String a : NODE_TEXT) {
                    x.registerAttribute(a, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
                }
                for (String a : NODE_COUNTS) {
                    x.registerAttribute(a, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.LONG);
                }
                for (String a : EDGE_COUNTS) {
                    x.registerAttribute(a, GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.LONG);
                }
                for (String a : EDGE_SCORES) {
                    x.registerAttribute(a, GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.DOUBLE);
                }
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(NetworkFormat::edgeAttributes);
                x.exportGraph(g, out);
                break;
            }
            default: {
                DOTExporter<ActorKey, Flow> x = new DOTExporter<>(v -> '"' + v.toString() + '"');
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(e -> {
                    Map<String, Attribute> m = edgeAttributes(e);
                    m.put("color", DefaultAttribute.createAttribute(e.net() >= 0 ? "darkgreen" : "red"));
                    m.put("label", DefaultAttribute.createAttribute("+" + e.cooperation() + "/-" + e.conflict()));
                    return m;
                });
                x.exportGraph(g, out);
            }
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the network", e);
        }
    }

    private static Map<String, Attribute> nodeAttributes(ActorNetwork.Node n) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("label", DefaultAttribute.createAttribute(n.name()));
        m.put("name", DefaultAttribute.createAttribute(n.name()));
        m.put("key", DefaultAttribute.createAttribute(n.actor().key()));
        m.put("kind", DefaultAttribute.createAttribute(kindOf(n.actor())));
        m.put("sector", DefaultAttribute.createAttribute(n.actor().sector() == null ? "" : n.actor().sector()));
        m.put("cooperation", DefaultAttribute.createAttribute(n.cooperation()));
        m.put("conflict", DefaultAttribute.createAttribute(n.conflict()));
        m.put("activity", DefaultAttribute.createAttribute(n.activity()));
        return m;
    }

    /** {@code country} for a country code (RUS), {@code group} for a knowledge-base group (HAMAS, IGO_UN). */
    static String kindOf(ActorKey k) {
        return k.key().matches("[A-Z]{3}") ? "country" : "group";
    }

    private static Map<String, Attribute> edgeAttributes(Flow e) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("cooperation", DefaultAttribute.createAttribute(e.cooperation()));
        m.put("conflict", DefaultAttribute.createAttribute(e.conflict()));
        m.put("refusals", DefaultAttribute.createAttribute(e.refusals()));
        m.put("net", DefaultAttribute.createAttribute((double) e.net()));
        m.put("goldstein", DefaultAttribute.createAttribute(e.goldstein()));
        return m;
    }
}
