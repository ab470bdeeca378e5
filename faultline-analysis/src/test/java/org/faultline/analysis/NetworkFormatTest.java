package org.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.analysis.network.NetworkFormat;
import org.faultline.analysis.network.NetworkJson;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class NetworkFormatTest {
    private static final ActorNetwork NET = ActorNetwork.of(List.of(
            new Flow(ActorKey.of("IRN"), ActorKey.of("RUS"), 3, 0, 0, 0, 30, 30, Map.of(EventType.AID, 3L)),
            new Flow(ActorKey.of("RUS"), ActorKey.of("UKR"), 1, 4, 1, 2, -30, -36,
                    Map.of(EventType.ASSAULT, 4L, EventType.CONSULT, 1L))), 1, Map.of("RUS", "Russia"));

    private static String write(NetworkFormat f) {
        StringWriter w = new StringWriter();
        f.write(NET, w);
        return w.toString();
    }

    private static Document xml(String s) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void graphMlHasNodesEdgesAndSignedWeights() throws Exception {
        Document d = xml(write(NetworkFormat.GRAPHML));
        assertThat(d.getElementsByTagName("node").getLength()).isEqualTo(3);
        assertThat(d.getElementsByTagName("edge").getLength()).isEqualTo(2);
        assertThat(write(NetworkFormat.GRAPHML)).contains("Russia").contains(">-3.0<");
    }

    @Test
    void gexfOpensAsXmlWithAttributes() throws Exception {
        Document d = xml(write(NetworkFormat.GEXF));
        assertThat(d.getElementsByTagName("node").getLength()).isEqualTo(3);
        assertThat(d.getElementsByTagName("edge").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagName("attribute").getLength()).isGreaterThanOrEqualTo(7);
    }

    /** networkx and Gephi see every attribute on every node and edge, also a net of 1 (GraphML's weight default). */
    @Test
    void graphMlAndGexfCarryEveryAttributeOnEveryNodeAndEdge() throws Exception {
        ActorNetwork net = ActorNetwork.of(List.of(
                new Flow(ActorKey.of("IRN"), ActorKey.of("RUS"), 1, 0, 0, 0, 3, 3, Map.of(EventType.AID, 1L)),
                new Flow(ActorKey.of("HAMAS"), ActorKey.parse("ISR:MIL"), 0, 2, 0, 0, -20, -20,
                        Map.of(EventType.ASSAULT, 2L))), 1, Map.of("RUS", "Russia", "HAMAS", "Hamas"));
        StringWriter w = new StringWriter();
        NetworkFormat.GRAPHML.write(net, w);
        Document g = xml(w.toString());
        List<String> nodeKeys = new java.util.ArrayList<>();
        List<String> edgeKeys = new java.util.ArrayList<>();
        org.w3c.dom.NodeList keys = g.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            org.w3c.dom.Element k = (org.w3c.dom.Element) keys.item(i);
            assertThat(k.getElementsByTagName("default").getLength()).as("default of %s", k.getAttribute("attr.name"))
                    .isZero();
            if (!k.getAttribute("for").equals("edge")) {
                nodeKeys.add(k.getAttribute("id"));
            }
            if (!k.getAttribute("for").equals("node")) {
                edgeKeys.add(k.getAttribute("id"));
            }
        }
        assertThat(nodeKeys).hasSize(8);
        assertThat(edgeKeys).hasSize(5);
        assertEveryElementHasData(g, "node", nodeKeys);
        assertEveryElementHasData(g, "edge", edgeKeys);
        String graphml = w.toString();
        assertThat(graphml).contains(">group<").contains(">country<").contains(">MIL<").contains(">Hamas<")
                .contains(">1.0<");

        StringWriter x = new StringWriter();
        NetworkFormat.GEXF.write(net, x);
        Document gexf = xml(x.toString());
        org.w3c.dom.NodeList nodes = gexf.getElementsByTagName("node");
        assertThat(nodes.getLength()).isEqualTo(4);
        for (int i = 0; i < nodes.getLength(); i++) {
            assertThat(((org.w3c.dom.Element) nodes.item(i)).getElementsByTagName("attvalue").getLength()).isEqualTo(7);
        }
        org.w3c.dom.NodeList edges = gexf.getElementsByTagName("edge");
        assertThat(edges.getLength()).isEqualTo(2);
        for (int i = 0; i < edges.getLength(); i++) {
            assertThat(((org.w3c.dom.Element) edges.item(i)).getElementsByTagName("attvalue").getLength()).isEqualTo(5);
        }
    }

    private static void assertEveryElementHasData(Document d, String tag, List<String> keys) {
        org.w3c.dom.NodeList elements = d.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) elements.item(i);
            List<String> present = new java.util.ArrayList<>();
            org.w3c.dom.NodeList data = e.getElementsByTagName("data");
            for (int j = 0; j < data.getLength(); j++) {
                present.add(((org.w3c.dom.Element) data.item(j)).getAttribute("key"));
            }
            assertThat(present).as("%s %s", tag, e.getAttribute("id")).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    @Test
    void dotColoursEdgesBySign() {
        String dot = write(NetworkFormat.DOT);
        assertThat(dot).startsWith("digraph G {").contains("\"IRN\" -> \"RUS\"").contains("darkgreen")
                .contains("red");
    }

    @Test
    void jsonListsNodesWithTheGraphFilesAttributesAndEdges() {
        JsonNode j = NetworkJson.of(NET, new Scope(null, null, ActorLevel.COUNTRY, true));
        assertThat(j.get("nodes")).hasSize(3);
        assertThat(j.get("nodes").get(0).get("kind").asText()).isEqualTo("country");
        assertThat(j.get("edges")).hasSize(2);
        assertThat(j.get("edges").get(1).get("net").asLong()).isEqualTo(-3);
        assertThat(j.get("min_events").asInt()).isEqualTo(NET.minEvents());
    }

    @Test
    void unknownFormatNamesTheChoices() {
        assertThatThrownBy(() -> NetworkFormat.parse("pajek")).hasMessageContaining("graphml, gexf, dot");
    }
}
