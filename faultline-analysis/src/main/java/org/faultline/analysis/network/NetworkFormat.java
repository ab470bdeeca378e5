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
import org.faultline.store.ActorKey;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * File formats for an {@link ActorNetwork}, written with JGraphT's exporters. Every format carries, per node,
 * {@code label}, {@code cooperation}, {@code conflict}, {@code activity}; per edge, {@code cooperation},
 * {@code conflict}, {@code net} (also the edge weight), {@code goldstein}, {@code refusals}.
 */
public enum NetworkFormat {
    GRAPHML, GEXF, DOT, JSON;

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
                GraphMLExporter<ActorKey, Flow> x = new GraphMLExporter<>(ActorKey::toString);
                x.setExportVertexLabels(true);
                x.setVertexLabelAttributeName("label");
                x.setExportEdgeWeights(true);
                x.setEdgeWeightAttributeName("net");
                for (String a : new String[] {"cooperation", "conflict", "activity"}) {
                    x.registerAttribute(a, GraphMLExporter.AttributeCategory.NODE, AttributeType.LONG);
                }
                x.registerAttribute("cooperation", GraphMLExporter.AttributeCategory.EDGE, AttributeType.LONG);
                x.registerAttribute("conflict", GraphMLExporter.AttributeCategory.EDGE, AttributeType.LONG);
                x.registerAttribute("refusals", GraphMLExporter.AttributeCategory.EDGE, AttributeType.LONG);
                x.registerAttribute("goldstein", GraphMLExporter.AttributeCategory.EDGE, AttributeType.DOUBLE);
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(e -> edgeAttributes(e, false));
                x.exportGraph(g, out);
                break;
            }
            case GEXF: {
                GEXFExporter<ActorKey, Flow> x = new GEXFExporter<>(ActorKey::toString,
                        e -> e.source() + "->" + e.target());
                x.setCreator("Faultline");
                x.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
                for (String a : new String[] {"cooperation", "conflict", "activity"}) {
                    x.registerAttribute(a, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.LONG);
                }
                for (String a : new String[] {"cooperation", "conflict", "refusals"}) {
                    x.registerAttribute(a, GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.LONG);
                }
                x.registerAttribute("goldstein", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.DOUBLE);
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(e -> edgeAttributes(e, false));
                x.exportGraph(g, out);
                break;
            }
            case DOT: {
                DOTExporter<ActorKey, Flow> x = new DOTExporter<>(v -> '"' + v.toString() + '"');
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(e -> {
                    Map<String, Attribute> m = edgeAttributes(e, true);
                    m.put("color", DefaultAttribute.createAttribute(e.net() >= 0 ? "darkgreen" : "red"));
                    m.put("label", DefaultAttribute.createAttribute("+" + e.cooperation() + "/-" + e.conflict()));
                    return m;
                });
                x.exportGraph(g, out);
                break;
            }
            default: {
                JSONExporter<ActorKey, Flow> x = new JSONExporter<>(ActorKey::toString);
                x.setVertexAttributeProvider(v -> nodeAttributes(nodes.get(v)));
                x.setEdgeAttributeProvider(e -> edgeAttributes(e, true));
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
        m.put("cooperation", DefaultAttribute.createAttribute(n.cooperation()));
        m.put("conflict", DefaultAttribute.createAttribute(n.conflict()));
        m.put("activity", DefaultAttribute.createAttribute(n.activity()));
        return m;
    }

    private static Map<String, Attribute> edgeAttributes(Flow e, boolean withNet) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("cooperation", DefaultAttribute.createAttribute(e.cooperation()));
        m.put("conflict", DefaultAttribute.createAttribute(e.conflict()));
        if (withNet) {
            m.put("net", DefaultAttribute.createAttribute(e.net()));
        }
        m.put("goldstein", DefaultAttribute.createAttribute(e.goldstein()));
        m.put("refusals", DefaultAttribute.createAttribute(e.refusals()));
        return m;
    }
}
