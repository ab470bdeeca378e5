package org.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.analysis.network.NetworkFormat;
import org.faultline.model.EventType;
import org.faultline.store.ActorKey;
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

    @Test
    void dotColoursEdgesBySign() {
        String dot = write(NetworkFormat.DOT);
        assertThat(dot).startsWith("digraph G {").contains("\"IRN\" -> \"RUS\"").contains("darkgreen")
                .contains("red");
    }

    @Test
    void jsonListsNodesAndEdges() throws Exception {
        JsonNode j = new ObjectMapper().readTree(write(NetworkFormat.JSON));
        assertThat(j.get("nodes")).hasSize(3);
        assertThat(j.get("edges")).hasSize(2);
        assertThat(j.get("edges").get(1).get("net").asLong()).isEqualTo(-3);
    }

    @Test
    void unknownFormatNamesTheChoices() {
        assertThatThrownBy(() -> NetworkFormat.parse("pajek")).hasMessageContaining("graphml, gexf, dot, json");
    }
}
