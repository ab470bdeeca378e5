package org.faultline.coding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.faultline.coding.HandBuiltSentence;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.PlaceMention;
import org.faultline.coding.kb.Place;
import org.faultline.model.Location;
import org.faultline.model.Quantity;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.Test;

/** Where and how much, on a hand-built parse (no CoreNLP). */
class WhereStageTest {
    private static final String TEXT = "Russian forces shelled Kharkiv near Izium, killing 12 civilians.";

    private static ParsedSentence sentence() {
        // 0 Russian 1 forces 2 shelled 3 Kharkiv 4 near 5 Izium 6 , 7 killing 8 12 9 civilians 10 .
        return HandBuiltSentence.in(TEXT)
                .token("Russian", "russian", "JJ").token("forces", "force", "NNS").token("shelled", "shell", "VBD")
                .token("Kharkiv", "kharkiv", "NNP").token("near", "near", "IN").token("Izium", "izium", "NNP")
                .token(",", ",", ",").token("killing", "kill", "VBG").token("12", "12", "CD")
                .token("civilians", "civilian", "NNS").token(".", ".", ".")
                .dep(1, 0, "amod").dep(2, 1, "nsubj").dep(-1, 2, "root").dep(2, 3, "obj").dep(5, 4, "case")
                .dep(2, 5, "obl").dep(2, 6, "punct").dep(2, 7, "advcl").dep(9, 8, "nummod").dep(7, 9, "obj")
                .dep(2, 10, "punct").build();
    }

    private static PlaceMention place(int tok, String name) {
        int start = TEXT.indexOf(name);
        Place p = new Place(name, "UKR", "Kharkiv", "CITY", 49.9, 36.2, 50_000);
        return new PlaceMention(tok, tok, start, start + name.length(), name, p, List.of(p));
    }

    @Test
    void theEventIsWhereItsClauseLocatesIt() {
        ParsedSentence s = sentence();
        PlaceMention kharkiv = place(3, "Kharkiv");
        PlaceMention izium = place(5, "Izium");
        // "near Izium" locates the shelling; Kharkiv is what was shelled
        assertThat(WhereStage.place(s, 2, List.of(kharkiv, izium))).isEqualTo(izium);
    }

    @Test
    void anAttackedPlaceStandsForItsCountry() {
        ParsedSentence s = sentence();
        Mention target = WhereStage.placeTarget(s, 2, List.of(place(3, "Kharkiv"), place(5, "Izium")));
        assertThat(target).isNotNull();
        assertThat(target.code()).isEqualTo("UKR");
        assertThat(target.text()).isEqualTo("Kharkiv");
    }

    @Test
    void killingCountsCasualties() {
        ParsedSentence s = sentence();
        Quantity q = WhereStage.quantity(s, 7, new Trigger(7, 7, 7, null, -1), TEXT);
        assertThat(q).isEqualTo(new Quantity("12 civilians", 12, "civilian", "casualties_killed"));
        // the shelling itself names no number
        assertThat(WhereStage.quantity(s, 2, new Trigger(2, 2, 2, null, -1), TEXT)).isNull();
    }

    @Test
    void theEventsPlaceKeepsHowManyGazetteerPlacesBoreItsName() {
        String text = "Jihadist fighters ambushed soldiers near Moura.";
        int start = text.indexOf("Moura");
        Place portugal = new Place("Moura", "PRT", "Beja", "CITY", 38.14, -7.45, 9360);
        Place mali = new Place("Moura", "MLI", "Mopti", "CITY", 14.35, -4.13, 0);
        PlaceMention moura = new PlaceMention(5, 5, start, start + 5, "Moura", portugal, List.of(portugal, mali))
                .preferring("MLI");
        assertThat(WhereStage.location(moura)).isEqualTo(new Location("Moura", "MLI", "Mopti", 14.35, -4.13, start,
                start + 5, 2));
        PlaceMention izium = place(5, "Izium");
        assertThat(WhereStage.location(izium).alternatives()).isEqualTo(1);
        assertThat(WhereStage.location(izium).start()).isEqualTo(TEXT.indexOf("Izium"));
    }
}
