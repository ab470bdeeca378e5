package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.junit.jupiter.api.Test;

/**
 * Actor and place resolution on sentences written for this test (the real coder): armed groups keep their own
 * identity, titles resolve to whoever held the office on the article's date, capitals and seats of power stand for
 * their governments, and an ambiguous place takes the country the article is about.
 */
class ActorResolutionCoderTest {
    private static List<Event> code(String date, String text) {
        return SharedCoder.get().code(new Article("resolution", LocalDate.parse(date), text, null, null, null, "test"))
                .events();
    }

    private static ActorRef firstActor(List<Event> events) {
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).actor()).isNotEmpty();
        return events.get(0).actor().get(0);
    }

    @Test
    void aTitleIsWhoeverHeldTheOfficeThatDay() {
        String text = "The Russian defence minister visited troops in Donetsk.";
        assertThat(firstActor(code("2023-05-01", text)).name()).isEqualTo("Sergei Shoigu");
        assertThat(firstActor(code("2025-05-01", text)).name()).isEqualTo("Andrei Belousov");
    }

    @Test
    void aNameIsFoundWhateverItsAccents() {
        // the knowledge base writes "Sékou Touré" and "Sekou Toure"; reporting mixes the two
        String text = "President Sekou Touré appealed to the United Nations for military support.";
        ActorRef a = firstActor(code("1970-11-25", text));
        assertThat(a.code()).isEqualTo("GIN");
        assertThat(a.name()).isEqualTo("Ahmed Sékou Touré");
        assertThat(a.text()).isEqualTo("Sekou Touré");
    }

    @Test
    void capitalsAndSeatsOfPowerStandForTheirGovernments() {
        List<Event> shells = code("2024-05-01", "Pyongyang sent artillery shells to Moscow.");
        assertThat(shells).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AID);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("PRK");
            assertThat(e.actor().get(0).sector()).isEqualTo("GOV");
            assertThat(e.recipient()).extracting(ActorRef::code).containsExactly("RUS");
        });
        List<Event> accused = code("2024-05-01", "The Kremlin accused Kyiv of attacking a power plant.");
        assertThat(accused).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("RUS");
            assertThat(e.recipient()).extracting(ActorRef::code).containsExactly("UKR");
        });
    }

    @Test
    void anArmedGroupKeepsItsOwnIdentity() {
        ActorRef hamas = firstActor(code("2024-05-01", "Hamas fighters fired rockets at Ashkelon."));
        assertThat(hamas.code()).isEqualTo("PSE");
        assertThat(hamas.kbId()).isEqualTo("group:HAMAS");
        assertThat(hamas.sector()).isEqualTo("REB");
    }

    @Test
    void tripoliIsInTheCountryTheArticleIsAbout() {
        List<Event> lebanon = code("2024-05-01", "Protesters rallied in Tripoli against the government of Lebanon.");
        assertThat(lebanon).isNotEmpty().allSatisfy(e -> assertThat(e.location().country()).isEqualTo("LBN"));
        List<Event> libya = code("2024-05-01", "Libya's government said militias clashed in Tripoli.");
        assertThat(libya).isNotEmpty().allSatisfy(e -> assertThat(e.location().country()).isEqualTo("LBY"));
    }

    @Test
    void anAmbiguousPlaceInACountryTheArticleNeverNamesIsNoPlace() {
        // "Red Sea" is a governorate of Egypt and a state of Sudan in the gazetteer; the article names neither
        List<Event> events = code("2024-02-03", "Houthi forces in Yemen fired missiles at a tanker in the Red Sea on "
                + "Saturday. The operation was condemned by Canada and the Netherlands.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(e.location().country()).isEqualTo("YEM");
        });
        assertThat(events).noneMatch(e -> e.location() != null && "EGY".equals(e.location().country()));
    }

    @Test
    void aDeputyIsNotTheMinister() {
        List<Event> events = code("2023-05-01", "The Russian Deputy Foreign Minister Sergei Ryabkov met Iranian officials in "
                + "Tehran.");
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).noneMatch(a -> "Sergei Lavrov".equals(a.name())));
    }

    @Test
    void aCountryNamedAsAStateIsThatCountryNotATownNamedAfterIt() {
        // the gazetteer has towns called Lebanon in the United States, which this article names more often
        List<Event> events = code("2023-10-08", "The United States urged restraint. Washington said the United States "
                + "would defend Israel. Lebanon said Hezbollah fighters fired rockets from Lebanon at Israeli positions.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(e.location().country()).isEqualTo("LBN");
        });
    }

    @Test
    void countriesInAListDoNotQualifyEachOther() {
        // "Egypt" is also a town in Arizona; "the United States" after it is the next item, not its state
        List<Event> events = code("2025-01-19", "Qatar, Egypt and the United States mediated the agreement in Egypt.");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.location().country()).isEqualTo("EGY"));
    }

    @Test
    void aWorldCapitalOutweighsATownOfTheCountryTheArticleNamesMore() {
        // the article names the United States twice; London, Ohio is still not where Blinken spoke
        List<Event> events = code("2024-09-10", "US Secretary of State Antony Blinken met British officials in London "
                + "on Tuesday. The United States accused Iran of arming Russia.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(e.location().country()).isEqualTo("GBR");
        });
        assertThat(events).noneMatch(e -> e.location() != null && "USA".equals(e.location().country()));
    }

    @Test
    void aContinentIsNoTown() {
        // the gazetteer's town of Asia is in the Philippines
        List<Event> events = code("2024-05-16", "Russia and China criticised US military alliances in Asia.");
        assertThat(events).isNotEmpty().noneMatch(e -> e.location() != null && "PHL".equals(e.location().country()));
    }
}
