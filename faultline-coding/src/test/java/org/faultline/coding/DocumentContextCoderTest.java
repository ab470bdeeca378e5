package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.junit.jupiter.api.Test;

/**
 * What the coder reads from the whole document and how it keeps one bad sentence from costing the article:
 * pronouns resolved to the most salient earlier mention with the antecedent's span, sentence-level warnings,
 * unique event ids (the real coder, knowledge base and CoreNLP models).
 */
class DocumentContextCoderTest {
    private static CodingResult code(String id, String date, String text) {
        return SharedCoder.get().code(new Article(id, LocalDate.parse(date), text, null, null, null, "test"));
    }

    /** The text of the antecedent span of {@code ref} in {@code text}, failing with {@code why} when there is none. */
    private static String antecedentSpan(String text, ActorRef ref, String why) {
        assertThat(ref.antecedent()).as(why).isNotNull();
        return text.substring(ref.antecedent().start(), ref.antecedent().end());
    }

    @Test
    void bothSidesAreBothPartiesNamedBefore() {
        String text = "India and Pakistan fought a short war over Kashmir in 1965. Both sides accused each other of "
                + "violating the ceasefire.";
        CodingResult r = code("pair", "1965-10-01", text);
        List<Event> accusations = r.events().stream().filter(e -> e.eventType() == EventType.ACCUSE).toList();
        // (each accused the other: one accusation each way, see accusingEachOtherIsOneAccusationEachWay)
        assertThat(accusations).flatExtracting(Event::actor).extracting(ActorRef::code)
                .containsExactlyInAnyOrder("IND", "PAK");
        assertThat(accusations).flatExtracting(Event::recipient).extracting(ActorRef::code)
                .containsExactlyInAnyOrder("PAK", "IND");
        assertThat(accusations).flatExtracting(Event::actor).allSatisfy(a -> {
            assertThat(a.text()).isEqualTo("Both sides");
            assertThat(a.antecedent()).isNotNull();
        });
    }

    @Test
    void theTwoGovernmentsAreThePairNotTheSettingsGovernment() {
        String text = "Peru and Ecuador clashed along the border in January. The two governments later held talks in "
                + "Brasilia.";
        CodingResult r = code("pair-agent", "1995-05-12", text);
        Event talks = r.events().stream().filter(e -> e.eventType() == EventType.CONSULT).findFirst().orElseThrow(
                () -> new AssertionError("no CONSULT in " + r.events()));
        // (a joint act of the two: the first of the pair acts, the other is its recipient)
        assertThat(talks.actor()).extracting(ActorRef::code).containsExactly("PER");
        assertThat(talks.recipient()).extracting(ActorRef::code).containsExactly("ECU");
        // with nobody named before, the generic reading stays: a meeting of leaders is still a meeting
        CodingResult alone = code("pair-alone", "1995-05-12", "The two leaders met in Geneva on 5 May.");
        assertThat(alone.events()).anyMatch(e -> e.eventType() == EventType.CONSULT);
    }

    @Test
    void theyTakesTheSubjectOfTheEarlierSentenceAndShowsWhy() {
        // (the first sentence names the group without an event of the same kind: "crossed the border into Israel"
        // would be an incursion, one event with the rockets, whose lead mention is the group's)
        String text = "Hezbollah fighters were seen near the border on Monday. They fired rockets at an Israeli "
                + "base.";
        CodingResult r = code("coref", "2024-11-04", text);
        assertThat(r.failed()).isFalse();
        Event attack = r.events().stream().filter(e -> e.eventType() == EventType.ASSAULT).findFirst().orElseThrow(
                () -> new AssertionError("no ASSAULT in " + r.events()));
        ActorRef they = attack.actor().get(0);
        assertThat(they.text()).isEqualTo("They");
        assertThat(they.kbId()).isEqualTo("group:HEZBOLLAH");
        assertThat(antecedentSpan(text, they, "why Hezbollah")).isEqualTo("Hezbollah fighters");
        assertThat(they.antecedent().text()).isEqualTo("Hezbollah fighters");
        assertThat(attack.recipient()).extracting(ActorRef::code).containsExactly("ISR");
    }

    @Test
    void theWarringPartiesAreTheTwoSidesNotTheMediator() {
        // the sides are those of the latest confrontation, not the more salient subject of the sentence between
        for (String parties : List.of("the parties", "both sides", "the warring parties")) {
            String text = "Ethiopian troops shelled Eritrean positions at Badme on Sunday. Norway offered to mediate. "
                    + "The UN Secretary-General urged " + parties + " to show restraint.";
            CodingResult r = code("parties", "1999-03-01", text);
            Event appeal = r.events().stream().filter(e -> e.eventType() == EventType.REQUEST).findFirst()
                    .orElseThrow(() -> new AssertionError("no REQUEST in " + r.events()));
            assertThat(appeal.actor()).extracting(ActorRef::code).containsExactly("IGO");
            assertThat(appeal.recipient()).as(parties).extracting(ActorRef::code)
                    .containsExactlyInAnyOrder("ETH", "ERI");
            assertThat(appeal.recipient()).allSatisfy(a -> assertThat(a.text()).isEqualTo(parties));
        }
    }

    @Test
    void clashesThatNameNobodyAreFoughtByTheSidesToldBefore() {
        // (months apart, so that the clashes are not merged into the shelling as one event of the same dyad)
        String text = "Thai troops shelled Laotian positions near the border on 2 October. Clashes continued on 14 "
                + "December.";
        CodingResult r = code("clashes", "1987-12-15", text);
        Event clashes = r.events().stream().filter(e -> e.evidence().get(0).trigger().equals("Clashes")).findFirst()
                .orElseThrow(() -> new AssertionError("no event for the clashes in " + r.events()));
        assertThat(clashes.eventType()).isEqualTo(EventType.ASSAULT);
        // they fight each other, not the place: one side acting on the other (rule joint), each with its antecedent
        assertThat(clashes.actor()).extracting(ActorRef::code).containsExactly("THA");
        assertThat(clashes.recipient()).extracting(ActorRef::code).containsExactly("LAO");
        assertThat(clashes.rule()).contains("joint");
        assertThat(clashes.actor()).allSatisfy(a -> assertThat(a.antecedent()).isNotNull());
        assertThat(clashes.recipient()).allSatisfy(a -> assertThat(a.antecedent()).isNotNull());
        // alone, nobody is named for them: no event
        assertThat(code("clashes-alone", "1987-12-15", "Clashes continued on Tuesday.").events()).isEmpty();
    }

    @Test
    void aTwoSidedNounOfSeveralWordsIsBetweenTheSidesToldBefore() {
        // the word set lists "peace talk" and "gun battle" whole; the trigger's first word alone is not one of them
        String text = "Bolivian troops attacked Paraguayan forts in the Chaco in June. Peace talks opened in Buenos "
                + "Aires in October, and a gun battle broke out near the forts in November.";
        CodingResult r = code("peace-talks", "1932-12-01", text);
        for (String word : List.of("Peace talks", "gun battle")) {
            Event e = r.events().stream().filter(x -> x.evidence().get(0).trigger().equals(word)).findFirst()
                    .orElseThrow(() -> new AssertionError("no event for '" + word + "' in " + r.events()));
            assertThat(e.actor().stream().map(ActorRef::code).toList()).as(word).isSubsetOf("BOL", "PRY");
            assertThat(java.util.stream.Stream.concat(e.actor().stream(), e.recipient().stream()).map(ActorRef::code))
                    .as(word).containsExactlyInAnyOrder("BOL", "PRY");
        }
    }

    @Test
    void talksAndMediationThatNameNobodyAreBetweenTheSidesToldBefore() {
        String earlier = "Tanzanian troops shelled Ugandan positions near the border on Monday.";
        String record = "Negotiations took place in Nairobi on Wednesday, and Kenya offered its mediation.";
        CodingResult r = SharedCoder.get().code(new Article("talks-s002", LocalDate.parse("1978-11-10"), record, null,
                null, null, "test"), earlier);
        assertThat(r.events()).noneMatch(e -> e.eventType() == EventType.ASSAULT); // the earlier record's own
        Event talks = r.events().stream().filter(e -> e.evidence().get(0).trigger().equals("Negotiations"))
                .findFirst().orElseThrow(() -> new AssertionError("no event for the negotiations in " + r.events()));
        assertThat(talks.eventType()).isEqualTo(EventType.CONSULT);
        assertThat(talks.actor()).extracting(ActorRef::code).containsExactly("TZA"); // talks between the two sides
        assertThat(talks.recipient()).extracting(ActorRef::code).containsExactly("UGA");
        Event mediation = r.events().stream().filter(e -> e.actor().stream().anyMatch(a -> a.code().equals("KEN")))
                .findFirst().orElseThrow(() -> new AssertionError("no event by Kenya in " + r.events()));
        assertThat(mediation.recipient()).extracting(ActorRef::code).containsExactlyInAnyOrder("TZA", "UGA");
    }

    @Test
    void whatIsRejectedNamesWhoseItWas() {
        // an ultimatum, a charge, an offer: their maker is the recipient of the rejection, from the noun or from the
        // stance told before, also earlier in the same sentence; never the rejecter itself
        Event ultimatum = rejection(code("ultimatum", "1938-01-10", "Japan sent an ultimatum to China on 5 January. "
                + "The ultimatum was rejected the next day by the Chinese."));
        assertThat(ultimatum.actor()).extracting(ActorRef::code).containsExactly("CHN");
        assertThat(ultimatum.recipient()).extracting(ActorRef::code).containsExactly("JPN");
        assertThat(ultimatum.recipient().get(0).antecedent()).isNotNull();
        Event charge = rejection(code("charge", "1979-05-12", "Beijing accused Hanoi of shelling border villages; "
                + "Hanoi denied the charge."));
        assertThat(charge.actor()).extracting(ActorRef::code).containsExactly("VNM");
        assertThat(charge.recipient()).extracting(ActorRef::code).containsExactly("CHN");
        Event offer = rejection(code("offer", "1920-07-01", "British offers of mediation were rejected by Russia."));
        assertThat(offer.recipient()).extracting(ActorRef::code).containsExactly("GBR");
        // with nothing told before and nobody on the noun, nobody
        Event alone = rejection(code("alone", "1920-07-01", "Russia rejected the proposal."));
        assertThat(alone.recipient()).isEmpty();
    }

    @Test
    void accusingEachOtherIsOneAccusationEachWay() {
        CodingResult r = code("mutual", "2007-05-01", "Chad and Sudan continued to accuse each other of arming rebels.");
        List<Event> accusations = r.events().stream().filter(e -> e.eventType() == EventType.ACCUSE).toList();
        Set<String> dyads = new HashSet<>();
        for (Event e : accusations) {
            assertThat(e.actor()).hasSize(1);
            assertThat(e.recipient()).hasSize(1);
            dyads.add(e.actor().get(0).code() + ">" + e.recipient().get(0).code());
        }
        assertThat(dyads).containsExactlyInAnyOrder("TCD>SDN", "SDN>TCD");
        assertThat(accusations).extracting(Event::id).doesNotHaveDuplicates();
    }

    private static Event rejection(CodingResult r) {
        return r.events().stream().filter(e -> e.eventType() == EventType.REJECT).findFirst()
                .orElseThrow(() -> new AssertionError("no REJECT in " + r.events()));
    }

    @Test
    void aNarrativesEarlierRecordsAreReadButNotCoded() {
        // one sentence per record (a crisis summary): "They" is the group of the record before, whose own attack is
        // not coded again; every span is the record's own
        String earlier = "Hezbollah fighters shelled an Israeli post on Monday.";
        String record = "On Tuesday they fired rockets at an Israeli base.";
        Article a = new Article("crisis-s002", LocalDate.parse("2024-11-05"), record, null, null, null, "test");
        CodingResult r = SharedCoder.get().code(a, earlier);
        assertThat(r.failed()).as("failure: %s", r.failure()).isFalse();
        assertThat(r.sentences()).isEqualTo(1);
        assertThat(r.events()).hasSize(1);
        Event attack = r.events().get(0);
        assertThat(attack.eventType()).isEqualTo(EventType.ASSAULT);
        assertThat(attack.evidence().get(0).sentence()).isZero();
        assertThat(attack.evidence().get(0).trigger()).isEqualTo("fired");
        assertThat(record.substring(attack.evidence().get(0).triggerStart(), attack.evidence().get(0).triggerEnd()))
                .isEqualTo("fired");
        ActorRef they = attack.actor().get(0);
        assertThat(they.kbId()).isEqualTo("group:HEZBOLLAH");
        assertThat(record.substring(they.start(), they.end())).isEqualTo("they");
        assertThat(they.antecedent()).as("the antecedent lies in an earlier record: no span of this one").isNull();
        assertThat(attack.recipient()).extracting(ActorRef::code).containsExactly("ISR");
        // alone, the record has no actor for "they"; with nothing earlier it is coded as before
        CodingResult alone = SharedCoder.get().code(a, null);
        assertThat(alone.events()).isEqualTo(SharedCoder.get().code(a).events());
        assertThat(alone.events()).noneMatch(e -> !e.actor().isEmpty()
                && "group:HEZBOLLAH".equals(e.actor().get(0).kbId()));
    }

    @Test
    void lightNounsAfterLightVerbsCostNothing() {
        // "made a call", "gives orders": these threw a NullPointerException and lost the whole document
        CodingResult r = code("light", "2024-01-10", "The council made a call for restraint. The general gives orders. "
                + "Russian forces shelled Kharkiv on Tuesday.");
        assertThat(r.failed()).as("failure: %s", r.failure()).isFalse();
        assertThat(r.events()).extracting(Event::eventType).contains(EventType.ASSAULT);
    }

    @Test
    void aSentenceTooLongToParseIsAWarningAndTheRestIsCoded() {
        StringBuilder longOne = new StringBuilder("Rebels attacked the town");
        for (int i = 0; i < 70; i++) {
            longOne.append(" and the village");
        }
        String text = longOne.append(". Russian forces shelled Kharkiv on Tuesday.").toString();
        CodingResult r = code("long", "2024-01-10", text);
        assertThat(r.failed()).isFalse();
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.stage()).isEqualTo("parse-sentence");
            assertThat(w.reason()).contains("sentence 1").contains("limit of 120");
            assertThat(w.docId()).isEqualTo("long");
        });
        assertThat(r.events()).extracting(Event::eventType).contains(EventType.ASSAULT);
    }

    @Test
    void textThatIsNotEnglishIsAWarning() {
        String french = "Les forces russes ont bombardé la ville de Kharkiv pendant la nuit, selon les autorités "
                + "ukrainiennes. Le président a dénoncé une attaque contre des civils et a demandé une aide "
                + "militaire supplémentaire à ses alliés européens, qui doivent se réunir la semaine prochaine à "
                + "Bruxelles pour discuter de nouvelles sanctions contre Moscou.";
        assertThat(code("fr", "2024-01-10", french).warnings()).extracting(w -> w.stage()).contains("language");
        // an earnings table has few function words in any language: no warning
        assertThat(code("table", "2024-01-10", "Shr profit 10 cts vs loss seven cts\n Net profit 286,870 vs loss "
                + "156,124\n Revs 10.0 mln vs 7,577,207\n Year\n Shr profit five cts vs profit 42 cts\n Net profit "
                + "160,109 vs profit 906,034\n Revs 38.1 mln vs 31.2 mln\n Avg shrs 2.9 mln vs 2.2 mln\n NOTE: 1986 "
                + "year includes 53 weeks.").warnings()).isEmpty();
        assertThat(code("ru", "2024-01-10", "Российские войска ночью обстреляли Харьков, сообщили украинские власти. "
                + "Президент осудил нападение на мирных жителей и попросил европейских союзников о дополнительной "
                + "военной помощи; они встретятся на следующей неделе в Брюсселе, чтобы обсудить новые санкции против "
                + "Москвы, заявили в офисе президента в пятницу вечером после совещания с военными и министрами.")
                .warnings()).extracting(w -> w.stage()).contains("language");
        assertThat(code("en", "2024-01-10", "Russian forces shelled the city of Kharkiv overnight, according to the "
                + "Ukrainian authorities. The president denounced an attack on civilians and asked his European "
                + "allies for more military aid; they are to meet next week in Brussels to discuss new sanctions "
                + "against Moscow.").warnings()).isEmpty();
    }

    @Test
    void eventIdsAreUniqueInADocumentAndStable() {
        String text = "France and the United Nations called for a pause in the fighting. Jerusalem weighed sending air "
                + "defences to Kyiv and decided against it.";
        List<Event> first = code("ids", "2024-03-01", text).events();
        Set<String> ids = new HashSet<>();
        for (Event e : first) {
            assertThat(ids.add(e.id())).as("duplicate id %s in %s", e.id(), first).isTrue();
        }
        assertThat(code("ids", "2024-03-01", text).events()).extracting(Event::id)
                .containsExactlyElementsOf(first.stream().map(Event::id).toList());
    }

    @Test
    void aChainOfPronounsKeepsItsSubjectAcrossSentences() {
        // the second "It" has only the first "It" and an object ("Belgrade") before it: the chain keeps Croatia
        String text = "Croatia, meanwhile, has made clear that it will not wait. It has shelled depots deep inside "
                + "Serbia near Belgrade. It is pressing Hungary to close its airspace to Serbian flights.";
        CodingResult r = code("chain", "1991-10-02", text);
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("HRV");
            assertThat(e.actor().get(0).antecedent().text()).isEqualTo("Croatia");
            assertThat(e.recipient()).extracting(ActorRef::code).containsExactly("HUN");
        });
    }

    @Test
    void anObjectPronounIsNeitherItsClausesSubjectNorALoneCapital() {
        String text = "Eritrean soldiers have been moved to the Badme area. Addis Ababa says its units have "
                + "already exchanged fire with them.";
        CodingResult r = code("them", "1998-05-20", text);
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("ETH");
            assertThat(e.recipient()).extracting(ActorRef::code).containsExactly("ERI");
        });
    }

    @Test
    void theGroupAndAPossessedBodyTakeTheirOwnersFromTheText() {
        String text = "Hezbollah said on Sunday that it had fired rockets at Haifa. The group's attack followed an "
                + "Israeli strike on Beirut. Israel protested to the UN. Its foreign ministry urged the Security "
                + "Council to condemn Hezbollah.";
        CodingResult r = code("group", "2024-09-22", text);
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(e.actor()).extracting(ActorRef::kbId).containsExactly("group:HEZBOLLAH");
            // (the rockets and "the group's attack" are one event with two pieces of evidence)
            assertThat(e.evidence()).anySatisfy(ev -> assertThat(ev.trigger()).isEqualTo("attack"));
        });
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("ISR"); // not the setting's country
        });
    }

    @Test
    void theAttackCondemnedIsTheOneTheArticleToldOf() {
        String text = "Russian forces attacked Ukraine from the north before dawn. Western leaders condemned the assault.";
        CodingResult r = code("anaphor", "2022-02-24", text);
        Event condemned = r.events().stream().filter(e -> e.eventType() == EventType.ACCUSE).findFirst().orElseThrow();
        ActorRef target = condemned.recipient().get(0);
        assertThat(target.code()).isEqualTo("RUS");
        assertThat(antecedentSpan(text, target, "why Russia")).isEqualTo("Russian forces");
        // "Western leaders" are no one state's office holders, nor the leaders of the country the article is about
        assertThat(condemned.actor()).noneMatch(a -> "Vladimir Putin".equals(a.name()));
        assertThat(condemned.actor()).extracting(ActorRef::text).containsExactly("leaders");
        assertThat(condemned.actor()).extracting(ActorRef::code).containsOnlyNulls();
    }

    @Test
    void anOfferAddressedToNobodyIsMadeToTheOtherSideOfTheConfrontation() {
        String earlier = "Peru and Ecuador clashed along the border in January.";
        String record = "In March Ecuador proposed a joint boundary commission.";
        CodingResult r = SharedCoder.get().code(new Article("offer-s002", LocalDate.parse("1981-03-10"), record, null,
                null, null, "test"), earlier);
        Event offer = r.events().stream().filter(e -> e.eventType() == EventType.AGREE).findFirst()
                .orElseThrow(() -> new AssertionError("no AGREE in " + r.events()));
        assertThat(offer.actor()).extracting(ActorRef::code).containsExactly("ECU");
        assertThat(offer.recipient()).extracting(ActorRef::code).containsExactly("PER");
        assertThat(offer.rule()).contains("counterpart");
        // in one document the evidence shows why: the antecedent is Peru where the clash named it
        String both = earlier + " " + record;
        Event inOne = code("offer-one", "1981-03-10", both).events().stream()
                .filter(e -> e.eventType() == EventType.AGREE).findFirst().orElseThrow();
        ActorRef peru = inOne.recipient().get(0);
        assertThat(peru.code()).isEqualTo("PER");
        assertThat(antecedentSpan(both, peru, "why Peru")).isEqualTo("Peru");
        // with no confrontation told, nobody is implied
        CodingResult alone = code("offer-alone", "1981-03-10", "In March Ecuador proposed a joint boundary commission.");
        assertThat(alone.events()).filteredOn(e -> e.eventType() == EventType.AGREE)
                .allSatisfy(e -> assertThat(e.recipient()).isEmpty());
    }

    @Test
    void aBodyOrMobilisationOfNoNamedCountryIsAimedAtTheOtherSideNotAtHome() {
        // "the regime" would take the setting's country, Iran's own; after a confrontation of Iran and Iraq it is Iraq's
        CodingResult r = code("home-generic", "1980-09-10",
                "Iraq attacked Iran on 2 March. Iran then called for the overthrow of the regime.");
        assertThat(r.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("IRN");
            assertThat(e.recipient()).extracting(ActorRef::code).containsExactly("IRQ");
            assertThat(e.rule()).contains("counterpart-home");
        });
        // a mobilisation with no target named is aimed at the other side of the quarrel, not at the mobiliser's home
        CodingResult m = code("home-implicit", "1957-05-02", "Honduras accused Nicaragua of aggression on 1 May. "
                + "Nicaragua's President Somoza ordered general mobilization.");
        assertThat(m.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("NIC");
            assertThat(e.recipient()).extracting(ActorRef::code).containsExactly("HND");
        });
        // with no confrontation told, the regime stays where the sentence puts it
        CodingResult alone = code("home-alone", "1980-09-10", "Iran called for the overthrow of the regime.");
        assertThat(alone.events()).filteredOn(e -> e.eventType() == EventType.REQUEST)
                .allSatisfy(e -> assertThat(e.rule()).doesNotContain("counterpart"));
    }

    @Test
    void theFormerAndTheLatterAreTheFirstAndLastPartiesNamedBefore() {
        String text = "Morocco accused Algeria of aggression. The latter denied any involvement in the crisis.";
        CodingResult r = code("latter", "1975-10-20", text);
        Event denial = r.events().stream().filter(e -> e.eventType() == EventType.REJECT).findFirst()
                .orElseThrow(() -> new AssertionError("no REJECT in " + r.events()));
        assertThat(denial.actor()).extracting(ActorRef::code).containsExactly("DZA");
        ActorRef latter = denial.actor().get(0);
        assertThat(antecedentSpan(text, latter, "why Algeria")).isEqualTo("Algeria");
        CodingResult former = code("former", "2007-03-30",
                "Britain asked Iran to release the sailors. The former then threatened sanctions.");
        assertThat(former.events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("GBR");
        });
        // "the former prime minister" is a title, not a reference back
        CodingResult title = code("former-title", "2007-03-30",
                "Britain asked Iran to release the sailors. The former prime minister criticised the talks.");
        assertThat(title.events()).noneMatch(e -> e.actor().stream().anyMatch(a -> "GBR".equals(a.code()))
                && e.eventType() == EventType.ACCUSE);
    }

    @Test
    void aBodyNamedByItsLastWordIsTheBodyNamedInFullBefore() {
        String text = "Costa Rica appealed to the OAS Council on 11 January. The Council then called upon Nicaragua "
                + "to stop the flow of arms to the rebels.";
        CodingResult r = code("council", "1955-01-14", text);
        Event call = r.events().stream().filter(e -> e.eventType() == EventType.REQUEST
                        && e.recipient().stream().anyMatch(a -> "NIC".equals(a.code()))).findFirst()
                .orElseThrow(() -> new AssertionError("no REQUEST to Nicaragua in " + r.events()));
        assertThat(call.actor()).extracting(ActorRef::code).containsExactly("IGO");
        ActorRef council = call.actor().get(0);
        assertThat(antecedentSpan(text, council, "why the OAS")).isEqualTo("OAS Council");
        // a state's own council named before is not an international body: it keeps the country it has
        CodingResult local = code("city", "2020-05-01", "The city council of Kano met on Monday. The council called "
                + "on the governor to resign.");
        assertThat(local.events()).noneMatch(e -> e.actor().stream().anyMatch(a -> "IGO".equals(a.code())));
    }

    @Test
    void aRefusalThatNamesNothingAnswersTheLatestRequest() {
        String text = "India and Pakistan fought over Kashmir. The UN asked Pakistan to withdraw its troops. "
                + "Pakistan refused.";
        CodingResult r = code("refused", "1948-01-20", text);
        Event refusal = r.events().stream().filter(e -> e.eventType() == EventType.REJECT).findFirst()
                .orElseThrow(() -> new AssertionError("no REJECT in " + r.events()));
        assertThat(refusal.actor()).extracting(ActorRef::code).containsExactly("PAK");
        assertThat(refusal.recipient()).extracting(ActorRef::code).containsExactly("IGO");
        ActorRef asker = refusal.recipient().get(0);
        assertThat(antecedentSpan(text, asker, "why the UN")).isEqualTo("The UN");
    }

    @Test
    void aBareSurnameIsThePersonNamedInFullBefore() {
        String text = "Rafael Bielsa, Argentina's foreign minister, arrived in Madrid on 3 May. Bielsa met the Spanish "
                + "premier the next day.";
        CodingResult r = code("surname", "2004-05-05", text);
        Event meeting = r.events().stream().filter(e -> e.eventType() == EventType.CONSULT
                        && text.indexOf("met") == e.evidence().get(0).triggerStart()).findFirst()
                .orElseThrow(() -> new AssertionError("no CONSULT on 'met' in " + r.events()));
        assertThat(meeting.actor()).extracting(ActorRef::code).containsExactly("ARG");
        ActorRef bielsa = meeting.actor().get(0);
        assertThat(antecedentSpan(text, bielsa, "why Argentina")).isEqualTo("Rafael Bielsa");
        // with nobody of that name before, the bare surname stays unknown
        CodingResult alone = code("alone", "2004-05-05", "Bielsa met the Spanish premier on Monday.");
        assertThat(alone.events()).noneMatch(e -> e.actor().stream().anyMatch(a -> "ARG".equals(a.code())));
    }

    @Test
    void anArmyInRetreatIsTheOneRetreating() {
        CodingResult r = code("retreat", "1915-11-20",
                "By Friday the Serbian army was in retreat along the whole front.");
        assertThat(r.events()).anyMatch(e -> e.eventType() == EventType.RETREAT
                && e.actor().stream().anyMatch(a -> "SRB".equals(a.code())));
    }

    @Test
    void anAppealForArmsIsNotMadeToTheAdversary() {
        CodingResult r = code("arms", "1965-09-01", "Indian troops attacked Pakistani positions near Lahore. Pakistan "
                + "then requested arms.");
        Event appeal = r.events().stream().filter(e -> e.eventType() == EventType.REQUEST).findFirst()
                .orElseThrow(() -> new AssertionError("no REQUEST in " + r.events()));
        assertThat(appeal.actor()).extracting(ActorRef::code).containsExactly("PAK");
        assertThat(appeal.recipient()).extracting(ActorRef::code).doesNotContain("IND");
    }

    @Test
    void aRequestRefusedWithNoRefuserNamedIsRefusedByWhomItWasMadeTo() {
        // named on the noun
        List<Event> events = code("asked-red-cross", "1964-03-02",
                "A request to the Red Cross to inspect the camps was refused.").events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REJECT);
            assertThat(e.actor()).extracting(ActorRef::code).containsExactly("NGO");
        });
        // "the demand", told in an earlier sentence with its addressee: the addressee refused, its maker is refused
        String text = "Bolivia demanded that Chile return the port. The demand was rejected on 3 May.";
        CodingResult r = code("demand-refused", "1964-05-05", text);
        Event refusal = r.events().stream().filter(e -> e.eventType() == EventType.REJECT).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal in " + r.events()));
        assertThat(refusal.actor()).extracting(ActorRef::code).containsExactly("CHL");
        assertThat(refusal.actor()).allSatisfy(a -> assertThat(a.antecedent()).isNotNull());
        assertThat(refusal.recipient()).extracting(ActorRef::code).containsExactly("BOL");
        // with no earlier demand there is nobody to have refused it
        assertThat(code("demand-alone", "1964-05-05", "The demand was rejected on 3 May.").events())
                .noneMatch(e -> e.eventType() == EventType.REJECT);
    }

    @Test
    void theyAfterTwoConjoinedPartiesIsBoth() {
        String text = "Ethiopia and Somalia fought along the border. A cease-fire was accepted by them on 16 February.";
        CodingResult r = code("they-both", "1964-02-20", text);
        Event truce = r.events().stream().filter(e -> e.eventType() == EventType.RETREAT).findFirst()
                .orElseThrow(() -> new AssertionError("no cease-fire in " + r.events()));
        assertThat(truce.actor()).extracting(ActorRef::code).containsExactlyInAnyOrder("ETH", "SOM");
        assertThat(truce.actor()).allSatisfy(a -> assertThat(a.antecedent()).isNotNull());
        assertThat(truce.recipient()).isEmpty();
    }
}
