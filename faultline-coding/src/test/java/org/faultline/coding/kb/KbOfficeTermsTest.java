package org.faultline.coding.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every row of leaders.tsv and ministers.tsv loads as a dated office holder, terms of one office in one
 * country do not overlap (except the rival or parallel claimants the file header lists), no bare surname
 * belongs to two people at once, and historical holders resolve on their dates.
 */
class KbOfficeTermsTest {
    /** country/office pairs whose rows overlap on purpose; listed in the header of leaders.tsv. */
    static final Set<String> PARALLEL = Set.of("LBY/head_of_state", "LBY/prime_minister", "PSE/prime_minister",
            "VEN/president", "MMR/president", "MMR/prime_minister", "YEM/head_of_state", "NIC/president",
            "SRB/president", "IGO/secretary_general", "RUS/president", "VNM/president", "VNM/prime_minister",
            "KHM/prime_minister");

    static KnowledgeBase kb;
    static final List<TsvTable.Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.loadBundled();
        for (String f : List.of("leaders.tsv", "ministers.tsv")) {
            ROWS.addAll(TsvTable.resource("/org/faultline/coding/kb/" + f, "id", "person", "names", "country",
                    "office", "start", "end").rows());
        }
    }

    private static LocalDate date(TsvTable.Row r, String col) {
        String v = r.getOrEmpty(col);
        return v.isEmpty() ? null : LocalDate.parse(v);
    }

    /** Overlap of more than the handover day (one term may end on the day the next begins). */
    private static boolean overlap(TsvTable.Row a, TsvTable.Row b) {
        LocalDate aEnd = date(a, "end") == null ? LocalDate.MAX : date(a, "end");
        LocalDate bEnd = date(b, "end") == null ? LocalDate.MAX : date(b, "end");
        LocalDate start = date(a, "start").isAfter(date(b, "start")) ? date(a, "start") : date(b, "start");
        LocalDate end = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return start.isBefore(end);
    }

    @Test
    void everyRowLoadsAsADatedPerson() {
        assertThat(ROWS).hasSizeGreaterThan(2500);
        List<String> bad = new ArrayList<>();
        for (TsvTable.Row r : ROWS) {
            ActorEntry e = kb.entry(r.get("id"));
            if (e == null || e.kind() != ActorEntry.Kind.PERSON || !e.code().equals(r.get("country"))
                    || e.start() == null || !e.start().equals(date(r, "start"))
                    || !java.util.Objects.equals(e.end(), date(r, "end"))
                    || !r.get("id").startsWith("office:" + r.get("country") + ":" + r.get("office") + ":")) {
                bad.add(r.where() + " " + r.get("id"));
            }
        }
        assertThat(bad).as("rows that do not load as written").isEmpty();
    }

    @Test
    void termsOfOneOfficeDoNotOverlap() {
        Map<String, List<TsvTable.Row>> byOffice = new HashMap<>();
        for (TsvTable.Row r : ROWS) {
            byOffice.computeIfAbsent(r.get("country") + "/" + r.get("office"), k -> new ArrayList<>()).add(r);
        }
        List<String> clashes = new ArrayList<>();
        byOffice.forEach((office, rows) -> {
            if (PARALLEL.contains(office)) {
                return;
            }
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    if (overlap(rows.get(i), rows.get(j))) {
                        clashes.add(rows.get(i).get("id") + " / " + rows.get(j).get("id"));
                    }
                }
            }
        });
        assertThat(clashes).as("overlapping terms of the same office").isEmpty();
    }

    @Test
    void noBareSurnameBelongsToTwoPeopleAtOnce() {
        Map<String, List<TsvTable.Row>> byForm = new HashMap<>();
        for (TsvTable.Row r : ROWS) {
            for (String n : r.list("names")) {
                if (!n.contains(" ")) {
                    byForm.computeIfAbsent(n, k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        byForm.forEach((form, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    TsvTable.Row a = rows.get(i);
                    TsvTable.Row b = rows.get(j);
                    if (!a.get("person").equals(b.get("person")) && overlap(a, b)) {
                        clashes.add(form + ": " + a.get("id") + " / " + b.get("id"));
                    }
                }
            }
        });
        assertThat(clashes).as("one bare name for two people in office at the same time").isEmpty();
    }

    private static ActorEntry named(String form, LocalDate day) {
        ActorEntry best = null;
        for (SurfaceForm f : kb.formsStartingWith(form.split(" ", 2)[0])) {
            if (f.text().equals(form) && f.entry().kind() == ActorEntry.Kind.PERSON
                    && (best == null || f.entry().distanceTo(day) < best.distanceTo(day))) {
                best = f.entry();
            }
        }
        return best;
    }

    @Test
    void historicalHoldersResolveOnTheirDates() {
        assertThat(kb.holder("RUS", "leader", LocalDate.of(1962, 10, 22)).name()).isEqualTo("Nikita Khrushchev");
        assertThat(kb.holder("EGY", "leader", LocalDate.of(1956, 7, 26)).name()).isEqualTo("Gamal Abdel Nasser");
        assertThat(kb.holder("RUS", "foreign_minister", LocalDate.of(1939, 8, 23)).name())
                .isEqualTo("Vyacheslav Molotov");
        assertThat(kb.holder("DEU", "foreign_minister", LocalDate.of(1939, 8, 23)).name())
                .isEqualTo("Joachim von Ribbentrop");
        assertThat(kb.holder("DEU", "leader", LocalDate.of(1970, 1, 1)).name()).isEqualTo("Willy Brandt");
        assertThat(kb.holder("GBR", "prime_minister", LocalDate.of(1956, 11, 1)).name()).isEqualTo("Anthony Eden");
        assertThat(kb.holder("USA", "president", LocalDate.of(1962, 10, 22)).name()).isEqualTo("John F. Kennedy");
        assertThat(kb.holder("CHN", "leader", LocalDate.of(1950, 1, 1)).name()).isEqualTo("Mao Zedong");

        assertThat(named("Khrushchev", LocalDate.of(1960, 5, 1)).code()).isEqualTo("RUS");
        assertThat(named("de Gaulle", LocalDate.of(1962, 1, 1)).code()).isEqualTo("FRA");
        assertThat(named("Zhou Enlai", LocalDate.of(1954, 4, 26)).code()).isEqualTo("CHN");
        // the same bare surname goes to whoever held office nearest the date
        assertThat(named("Gandhi", LocalDate.of(1971, 12, 3)).name()).isEqualTo("Indira Gandhi");
        assertThat(named("Gandhi", LocalDate.of(1987, 7, 29)).name()).isEqualTo("Rajiv Gandhi");
        assertThat(named("Bush", LocalDate.of(1991, 1, 17)).name()).isEqualTo("George H. W. Bush");
        assertThat(named("Bush", LocalDate.of(2003, 3, 20)).name()).isEqualTo("George W. Bush");
    }
}
