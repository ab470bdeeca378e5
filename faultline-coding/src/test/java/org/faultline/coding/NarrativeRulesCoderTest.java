package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Modality;
import org.junit.jupiter.api.Test;

/**
 * Rules for the narrative style of diplomatic and military history (notes, resolutions, incursions, formal
 * protests, mediators), each on a sentence written for this test and coded by the real coder.
 */
class NarrativeRulesCoderTest {
    private static List<Event> code(String date, String text) {
        return SharedCoder.get().code(new Article("narrative", LocalDate.parse(date), text, null, null, null, "test"))
                .events();
    }

    private static List<String> codes(List<ActorRef> refs) {
        return refs.stream().map(ActorRef::code).toList();
    }

    @Test
    void whatANoteAsksIsARequestByItsSender() {
        List<Event> events = code("1961-05-02", "Norway delivered a note to Sweden asking it to close the border crossing.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("NOR");
        });
        assertThat(events).noneMatch(e -> e.eventType() == EventType.AID); // delivering a note is no aid
    }

    @Test
    void pressureExertedIsTheEventTheLightVerbCarries() {
        List<Event> events = code("2024-01-12", "Strong pressure was exerted by Washington on Cairo to reopen the crossing.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("USA");
            assertThat(codes(e.recipient())).containsExactly("EGY");
        });
    }

    @Test
    void whatADemandNamesInAListIsNoEventOfItsOwn() {
        List<Event> events = code("2024-01-12",
                "Egypt demanded the release of the prisoners and the withdrawal of Israeli troops from Gaza.");
        assertThat(events).anyMatch(e -> e.eventType() == EventType.REQUEST && codes(e.actor()).contains("EGY"));
        // the withdrawal is demanded, not done (it had been an asserted RETREAT of its own)
        assertThat(events).noneMatch(e -> e.eventType() == EventType.RETREAT);
    }

    @Test
    void callingUponAStateIsARequest() {
        assertThat(code("1975-02-11", "The president of Peru called upon Ecuador to withdraw its patrol boats."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).containsExactly("PER");
                    assertThat(codes(e.recipient())).containsExactly("ECU");
                });
    }

    @Test
    void troopsSentToAnAreaAreADeploymentNotAid() {
        List<Event> events = code("1983-07-09", "Kenya sent two battalions of troops to the northern frontier area.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
            assertThat(codes(e.actor())).containsExactly("KEN");
        });
        assertThat(events).noneMatch(e -> e.eventType() == EventType.AID);
    }

    @Test
    void troopsSentToAPartnerAreStillMilitaryAid() {
        assertThat(code("1983-07-09", "Kenya sent 500 troops to Uganda to help its army."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.AID);
                    assertThat(codes(e.recipient())).containsExactly("UGA");
                });
    }

    @Test
    void armedForcesEnteringAStateIsAnIncursionButADelegationIsNot() {
        assertThat(code("1988-03-14", "Chilean troops entered Bolivia on Monday."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
                    assertThat(codes(e.actor())).containsExactly("CHL");
                    assertThat(codes(e.recipient())).containsExactly("BOL");
                });
        assertThat(code("1988-03-14", "A Chilean delegation entered Bolivia on Monday."))
                .noneMatch(e -> e.eventType() == EventType.ASSAULT);
    }

    @Test
    void aTreatyNamedInPassingIsNoEvent() {
        List<Event> events = code("1960-06-30", "Ghana criticised Togo's violation of their 1957 border treaty.");
        assertThat(events).noneMatch(e -> e.eventType() == EventType.SUPPORT);
        assertThat(events).anySatisfy(e -> assertThat(e.eventType()).isEqualTo(EventType.ACCUSE));
    }

    @Test
    void aProtestLodgedByAStateIsAnAccusationAndAStreetProtestIsNot() {
        assertThat(code("1968-04-22", "Denmark lodged a formal protest with Iceland over the fishing boats."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
                    assertThat(codes(e.actor())).containsExactly("DNK");
                })
                .noneMatch(e -> e.eventType() == EventType.PROTEST);
        assertThat(code("1968-04-22", "Students staged a protest in Copenhagen over the fishing boats."))
                .anySatisfy(e -> assertThat(e.eventType()).isEqualTo(EventType.PROTEST));
    }

    @Test
    void aSessionOfABodyIsThatBodyMeeting() {
        assertThat(code("1969-06-02", "An emergency session of the OAS was held on 2 June."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("IGO");
                });
    }

    @Test
    void servingAsMediatorIsAConsultation() {
        assertThat(code("1998-02-01", "Norway served as a mediator between Sri Lanka and the rebels."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("NOR");
                });
    }

    @Test
    void sayingItWouldUseForceIsAThreat() {
        assertThat(code("2007-04-10", "Chad said it would use force against Sudan."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
                    assertThat(codes(e.actor())).containsExactly("TCD");
                    assertThat(codes(e.recipient())).containsExactly("SDN");
                });
    }

    @Test
    void pressingOrAdvisingAStateToActIsARequest() {
        assertThat(code("1962-03-01", "Canada pressed Portugal to open talks on the future of its colonies."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).containsExactly("CAN");
                    assertThat(codes(e.recipient())).containsExactly("PRT");
                });
        assertThat(code("1962-03-01", "Norway advised Denmark to accept the arbitration.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.recipient())).containsExactly("DNK");
        });
        // pressing with no clause to do is no request
        assertThat(code("1962-03-01", "Canada pressed ahead with its budget."))
                .noneMatch(e -> e.eventType() == EventType.REQUEST);
    }

    @Test
    void pressureOnAStateToActIsARequestByWhoeverAppliesIt() {
        assertThat(code("1973-10-20", "Sweden kept up its pressure on Chile to release the detained students."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).containsExactly("SWE");
                    assertThat(codes(e.recipient())).containsExactly("CHL");
                });
    }

    @Test
    void theTreatyPartnerNamedWithTheObjectIsTheRecipient() {
        assertThat(code("1980-06-11", "Peru suspended its trade agreement with Bolivia.")).anySatisfy(e ->
                assertThat(codes(e.recipient())).containsExactly("BOL"));
        assertThat(code("1980-06-11", "Austria mediated talks between Hungary and Romania.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("AUT");
            assertThat(codes(e.recipient())).containsExactlyInAnyOrder("HUN", "ROU");
        });
    }

    @Test
    void sayingItWillNotUseForceIsAPromiseToDeescalate() {
        List<Event> events = code("1991-04-02", "Ecuador announced that it would not attack Peruvian border posts.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AGREE);
            assertThat(codes(e.actor())).containsExactly("ECU");
            assertThat(e.cameoCode()).isEqualTo("0356");
        });
        assertThat(events).noneMatch(e -> e.eventType() == EventType.ASSAULT && !e.negated());
    }

    @Test
    void drivingOutArmedForcesIsFighting() {
        assertThat(code("1969-07-15", "Honduran troops drove the Salvadoran forces back across the river."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
                    assertThat(codes(e.actor())).containsExactly("HND");
                    assertThat(codes(e.recipient())).containsExactly("SLV");
                });
    }

    @Test
    void aMissionClosedOrWithdrawnIsASanctionOnTheStateThatHostedIt() {
        assertThat(code("1986-02-26", "On 25 February the United States closed its embassy in Tripoli.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
            assertThat(codes(e.actor())).containsExactly("USA");
            assertThat(codes(e.recipient())).containsExactly("LBY");
            assertThat(e.rule()).contains("mission-host");
        });
        assertThat(code("2019-01-24", "Canada withdrew its diplomats from Caracas.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
            assertThat(codes(e.recipient())).containsExactly("VEN");
        });
        // the actor's own capital hosts no foreign mission of its own
        assertThat(code("2018-03-15", "Britain expelled 23 Russian diplomats from London.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
            assertThat(codes(e.recipient())).containsExactly("RUS");
        });
    }

    @Test
    void whereForcesWithdrawToIsNoRecipient() {
        assertThat(code("1979-03-16", "Chinese troops withdrew from Vietnam to Chinese territory.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
            assertThat(codes(e.actor())).containsExactly("CHN");
            assertThat(codes(e.recipient())).containsExactly("VNM");
        });
        assertThat(code("1979-03-05", "Beijing announced that its troops would pull back to Chinese territory."))
                .allSatisfy(e -> assertThat(codes(e.recipient())).doesNotContain("CHN"));
    }

    @Test
    void forcesDrivenBackRetreatFromTheirDrivers() {
        // the driven party falls back: a retreat of its own towards the drivers, beside the act of force
        List<Event> driven = code("1969-07-15", "Honduran troops drove the Salvadoran forces back across the river.");
        assertThat(driven).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
            assertThat(codes(e.actor())).containsExactly("SLV");
            assertThat(codes(e.recipient())).containsExactly("HND");
            assertThat(e.rule()).startsWith("driven-back:");
        });
        // an attack repelled may simply have failed; and a drive that did not happen drove nobody back
        assertThat(code("1969-07-15", "Honduran troops repelled a Salvadoran attack on the border post."))
                .noneMatch(e -> e.eventType() == EventType.RETREAT);
        assertThat(code("1969-07-15", "Honduran troops failed to drive the Salvadoran forces back across the river."))
                .noneMatch(e -> e.eventType() == EventType.RETREAT);
    }

    @Test
    void aNationalityInFrontOfConjoinedForcesCoversThemAll() {
        // a sentence with an incursion by an actor with no sector also once threw a NullPointerException
        List<Event> events = code("1985-12-26", "Libyan tanks and soldiers crossed deep into Chad on the 26th.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsOnly("LBY");
            assertThat(codes(e.recipient())).containsExactly("TCD");
        });
    }

    @Test
    void aMeetingOfTwoStatesIsTheDyadBetweenThem() {
        List<Event> events = code("1989-03-10", "The presidents of Kenya and Ethiopia met in Nairobi on Friday.");
        Event meeting = events.stream().filter(e -> e.eventType() == EventType.CONSULT).findFirst()
                .orElseThrow(() -> new AssertionError("no CONSULT in " + events));
        assertThat(codes(meeting.actor())).containsExactly("KEN"); // the first named acts, the other is met
        assertThat(codes(meeting.recipient())).containsExactly("ETH");
        assertThat(meeting.rule()).contains("joint");
        // a joint accusation is no act between the accusers: both stay actors
        List<Event> joint = code("1989-03-10", "Kenya and Ethiopia condemned the bombing of the market.");
        assertThat(joint).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
            assertThat(codes(e.actor())).containsExactlyInAnyOrder("KEN", "ETH");
        });
    }

    @Test
    void aDemandInTheSameBreathAsAConjoinedCondemnationIsAddressedToTheCondemned() {
        List<Event> events = code("1976-06-01",
                "The Arab League condemned Syria and demanded the release of the prisoners.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("IGO");
            assertThat(codes(e.recipient())).containsExactly("SYR");
            assertThat(e.rule()).contains("shared-addressee");
        });
        // a demand in a clause of its own keeps its own (empty) addressee
        List<Event> apart = code("1976-06-01",
                "The Arab League condemned Syria. It later demanded the release of all prisoners.");
        assertThat(apart).filteredOn(e -> e.eventType() == EventType.REQUEST)
                .allSatisfy(e -> assertThat(e.rule()).doesNotContain("shared-addressee"));
    }

    @Test
    void aVisitTakesItsVisitorFromOfAndTalksTheirPartiesFromAPassiveEngaged() {
        List<Event> visit = code("1996-02-02", "The visit of the Turkish foreign minister to Greece ended on Friday.");
        assertThat(visit).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("TUR");
            assertThat(codes(e.recipient())).containsExactly("GRC");
        });
        List<Event> engaged = code("1978-12-20", "Chile and Argentina were engaged in negotiations in Rome.");
        assertThat(engaged).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("CHL");
            assertThat(codes(e.recipient())).containsExactly("ARG");
        });
    }

    @Test
    void partiesJoinedByHyphensInFrontOfANounAreItsDyad() {
        assertThat(code("1938-01-14", "Anglo-Italian negotiations took place in Rome on 14 January.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("GBR");
            assertThat(codes(e.recipient())).containsExactly("ITA");
        });
        // "Iran-backed" names a patron, not a party
        assertThat(code("2024-01-14", "Iran-backed militias attacked a US base in Syria."))
                .noneMatch(e -> codes(e.actor()).contains("IRN"));
    }

    @Test
    void thePartiesOfAMeetingWithNoByAgentHoldIt() {
        assertThat(code("1984-01-20",
                "On 20 January talks were held in Cape Verde among Angolan, South African and UN representatives."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactlyInAnyOrder("AGO", "ZAF", "IGO");
                });
        // a phrase trigger's inner noun carries the parties ("notes between Peru and Ecuador")
        assertThat(code("1981-02-01", "An exchange of notes between Peru and Ecuador followed.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("PER");
            assertThat(codes(e.recipient())).containsExactly("ECU");
        });
    }

    @Test
    void theNearestPartyOnTheLeftBringsTheOthersConjoinedWithIt() {
        // parsed with no subject for "held": the nearest name is the last of "the DPRK and the U.S."
        assertThat(code("1993-07-01",
                "In a context of rising tension the DPRK and the U.S. held two rounds of talks in June."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("PRK");
                    assertThat(codes(e.recipient())).containsExactly("USA");
                });
    }

    @Test
    void interveningAsMediatorAndMediatoryEffortsAreMediation() {
        assertThat(code("1999-06-01", "At this point, the U.S. intervened in the crisis as a mediator."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("USA");
                });
        assertThat(code("1979-03-01", "Libya renewed its mediatory efforts, with little success.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("LBY");
        });
    }

    @Test
    void bringingADisputeBeforeABodyOrApproachingItForSanctionsAsksItToAct() {
        assertThat(code("1975-11-01", "France brought the matter before the UN.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("FRA");
            assertThat(codes(e.recipient())).containsExactly("IGO");
        });
        assertThat(code("1980-01-10", "The U.S. approached the Security Council for economic sanctions."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).containsExactly("USA");
                    assertThat(codes(e.recipient())).containsExactly("IGO");
                });
        // bringing charges is an accusation, not a request
        assertThat(code("2024-03-01", "Prosecutors brought charges against the former minister."))
                .noneMatch(e -> e.eventType() == EventType.REQUEST);
    }

    @Test
    void whatCameFromABodyWasMadeByItAndDemurringIsARefusal() {
        assertThat(code("2011-02-22", "Early condemnations and calls for action also came from the Arab League on 22 February."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
                    assertThat(codes(e.actor())).containsExactly("IGO");
                });
        assertThat(code("1975-10-01", "Morocco demurred.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REJECT);
            assertThat(codes(e.actor())).containsExactly("MAR");
        });
    }

    @Test
    void theStateWhoseHelpIsRequestedInThePassiveIsAsked() {
        assertThat(code("1954-04-25", "U.S. aid was formally requested by France on 25 April.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("FRA");
            assertThat(codes(e.recipient())).containsExactly("USA");
        });
        // whose advice is sought does not seek it
        assertThat(code("1938-03-01", "German advice was sought."))
                .noneMatch(e -> e.eventType() == EventType.REQUEST && codes(e.actor()).contains("DEU"));
    }

    @Test
    void theOlderTransliterationSaudiIsSaudiArabia() {
        assertThat(code("1987-08-01", "Iran called for the overthrow of the Sa'udi regime.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.recipient())).containsExactly("SAU");
        });
    }

    @Test
    void aVetoIsAimedAtTheBodyWhoseDecisionItBlocks() {
        assertThat(code("1986-05-23", "A Security Council draft resolution, sponsored by Senegal and by Zambia, received "
                + "a large majority but was vetoed by the U.K. and the U.S. on 23 May.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REJECT);
                    assertThat(codes(e.actor())).containsExactlyInAnyOrder("GBR", "USA");
                    assertThat(codes(e.recipient())).containsExactly("IGO");
                });
    }

    @Test
    void counselingAStateToActIsARequest() {
        assertThat(code("1956-08-01", "Britain counseled Egypt to accept the proposal.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("GBR");
            assertThat(codes(e.recipient())).containsExactly("EGY");
        });
    }

    @Test
    void anOfficerOrEnvoyOfAnOrganisationIsThatOrganisations() {
        assertThat(code("1957-10-16", "NATO's Supreme Commander warned the USSR not to attack Turkey.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("IGO");
            assertThat(codes(e.recipient())).containsExactly("RUS");
        });
    }

    @Test
    void aRequestThatAnotherVerbAnswersWasMadeToWhoeverAnswersIt() {
        // turned down: the request stands as an event of its maker, asserted, aimed at the refuser
        assertThat(code("1968-01-25", "The Soviets refused a request by the U.S. ambassador to use their good offices."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(e.modality()).isEqualTo(org.faultline.model.Modality.ASSERTED);
                    assertThat(codes(e.actor())).containsExactly("USA");
                    assertThat(codes(e.recipient())).containsExactly("RUS");
                });
        // acted on: "at the request of" names who asked, the verb's subject whom
        assertThat(code("1918-03-02", "Germany occupied the Aaland Islands at the request of Finland.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("FIN");
            assertThat(codes(e.recipient())).containsExactly("DEU");
        });
        // a request named in a clause that only describes something is no event of its own
        assertThat(code("2022-04-15", "The arrests followed the state of exception approved by the Assembly at the "
                + "request of President Bukele of El Salvador.")).noneMatch(e -> e.rule().contains("answered-request"));
    }

    @Test
    void aMediatorsNounNamesWhomItIsBetween() {
        assertThat(code("1976-06-01", "The U.S. served as a conduit between Syria and Israel.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("USA");
            assertThat(codes(e.recipient())).containsExactlyInAnyOrder("SYR", "ISR");
        });
    }

    @Test
    void forceAStateSaysItWouldGoOnUsingIsAThreat() {
        assertThat(code("2007-04-12", "Chad said it would continue to use military force against Sudan."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
                    assertThat(codes(e.actor())).containsExactly("TCD");
                })
                .noneMatch(e -> e.eventType() == EventType.ASSAULT);
        assertThat(code("2007-04-10", "Sudan said it reserved the right to respond in any way.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("SDN");
        });
    }

    @Test
    void whatWasShotDownInThePassiveBelongsToTheTarget() {
        assertThat(code("1969-04-15", "A U.S. plane was shot down by a North Korean aircraft.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("PRK");
            assertThat(codes(e.recipient())).containsExactly("USA");
        });
        // a model's designation glued to a number is no organisation: "EC-121" is not the European Community
        assertThat(code("1969-04-15", "An EC-121 reconnaissance plane was shot down by a North Korean aircraft."))
                .allSatisfy(e -> assertThat(codes(e.recipient())).doesNotContain("IGO"));
    }

    @Test
    void armedForcesExpellingOrExpelledAreFighting() {
        assertThat(code("1920-08-20", "Polish forces expelled the Russians from Polish territory.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("POL");
            assertThat(codes(e.recipient())).containsExactly("RUS");
        });
        // diplomats expelled stay a sanction
        assertThat(code("2018-03-17", "Russia expelled 20 British diplomats.")).anySatisfy(e ->
                assertThat(e.eventType()).isEqualTo(EventType.SANCTION));
    }

    @Test
    void whatALeavingNounIsFromIsWhatIsLeft() {
        assertThat(code("1989-02-15", "The Soviet withdrawal from Afghanistan was completed in February."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
                    assertThat(codes(e.actor())).containsExactly("RUS");
                    assertThat(codes(e.recipient())).containsExactly("AFG");
                });
        // an evacuation's "from" is only the place people are taken out of
        assertThat(code("2006-07-20", "The evacuation of British citizens from Lebanon began on Thursday."))
                .allSatisfy(e -> assertThat(codes(e.actor())).doesNotContain("LBN"));
    }

    @Test
    void whoVisitsToHoldTalksHoldsThem() {
        assertThat(code("1977-07-06", "The British foreign secretary visited Washington to hold talks with Cyrus Vance."))
                .allSatisfy(e -> assertThat(codes(e.actor())).containsExactly("GBR"))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.recipient())).containsExactly("USA");
                });
    }

    @Test
    void aReportedIntentNotToUseForceIsAPromise() {
        assertThat(code("1957-09-10", "Damascus announced that it did not intend to attack Turkey.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AGREE);
            assertThat(codes(e.actor())).containsExactly("SYR");
        }).noneMatch(e -> e.eventType() == EventType.ASSAULT);
        // the same claim made by nobody but the writer stays a negated attack
        assertThat(code("1957-09-10", "Syria did not intend to attack Turkey.")).noneMatch(e ->
                e.eventType() == EventType.AGREE);
    }

    @Test
    void aStatedIntentNotToTalkHelpOrYieldIsARejection() {
        assertThat(code("2024-06-10", "Norway said it would not negotiate with Sudan.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REJECT);
            assertThat(e.cameoCode()).isEqualTo("125");
            assertThat(codes(e.actor())).containsExactly("NOR");
            assertThat(codes(e.recipient())).containsExactly("SDN");
            assertThat(e.modality()).isEqualTo(Modality.ASSERTED);
        });
        assertThat(code("2024-06-10", "Belgium announced that it would not withdraw its troops from Congo."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REJECT);
                    assertThat(codes(e.actor())).containsExactly("BEL");
                });
        // an existential clause under a verb of answering
        assertThat(code("2024-06-10", "Britain replied that there would be no negotiations with Iran."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REJECT);
                    assertThat(codes(e.actor())).containsExactly("GBR");
                    assertThat(codes(e.recipient())).containsExactly("IRN");
                });
        // a negation in the past is no stated intent, and a restriction imposed on a party is not its refusal
        assertThat(code("2024-06-10", "Turkey did not negotiate with Greece.")).noneMatch(e ->
                e.eventType() == EventType.REJECT);
        assertThat(code("2024-06-10", "The commission said opposition parties would not be allowed to hold "
                + "elections in May.")).noneMatch(e -> e.eventType() == EventType.REJECT);
    }

    @Test
    void anAnnouncedIntentionToPullForcesBackIsAPromiseByEachConjunct() {
        assertThat(code("1972-10-05", "Tanzania and Uganda announced their intention to remove forces from the "
                + "border area.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.AGREE);
                    assertThat(codes(e.actor())).containsAnyOf("TZA", "UGA");
                    assertThat(codes(e.actor()).size() + codes(e.recipient()).size()).isEqualTo(2);
                }).noneMatch(e -> e.eventType() == EventType.RETREAT);
    }

    @Test
    void aRefusalBeforeAConjoinedActDoesNotRefuseIt() {
        assertThat(code("2012-02-05", "Russia and China vetoed the resolution, and they blamed the United States."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
                    assertThat(codes(e.actor())).containsExactlyInAnyOrder("RUS", "CHN");
                    assertThat(e.modality()).isEqualTo(org.faultline.model.Modality.ASSERTED);
                });
        // a refusal after the act still refuses it
        assertThat(code("2023-02-01", "Israel weighed sending air defences to Ukraine and decided against it."))
                .noneMatch(e -> e.eventType() == EventType.AID
                        && e.modality() == org.faultline.model.Modality.ASSERTED);
    }

    @Test
    void aFormalProtestNamedByANationalityIsTheStatesAccusation() {
        assertThat(code("1921-06-10", "A formal Swedish protest was ignored by Finland.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
            assertThat(codes(e.actor())).containsExactly("SWE");
        }).noneMatch(e -> e.eventType() == EventType.PROTEST);
        // people of a nation protesting in the street stay a protest
        assertThat(code("2021-06-10", "Swedish students staged a protest in Stockholm.")).anySatisfy(e ->
                assertThat(e.eventType()).isEqualTo(EventType.PROTEST));
    }

    @Test
    void handingADisputeToABodyAsksItToAct() {
        assertThat(code("1960-12-20", "Cambodia submitted the border dispute to the Security Council.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("KHM");
            assertThat(codes(e.recipient())).containsExactly("IGO");
        });
        assertThat(code("1999-03-02", "Bolivia stressed the need for a negotiated solution.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("BOL");
        });
        // a resignation submitted is no request to anybody
        assertThat(code("2001-05-02", "The Bolivian minister submitted his resignation."))
                .noneMatch(e -> e.eventType() == EventType.REQUEST);
    }

    @Test
    void eachSideIsBothOfTheTwoParties() {
        assertThat(code("1977-08-01", "Egypt and Libya clashed in July. Each side accused the other of aggression."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
                    assertThat(codes(e.actor())).containsExactlyInAnyOrder("EGY", "LBY");
                });
    }

    @Test
    void aGerundSubjectWithTheSidesUnderBetweenIsFoughtByBoth() {
        // the two sides fight each other: one dyad, the first named acting (see fightingBetweenTwoSides...)
        assertThat(code("1977-07-21", "Fighting broke out between Egypt and Libya in July.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("EGY");
            assertThat(codes(e.recipient())).containsExactly("LBY");
        });
        // with no sides named the place still says where, as before
        assertThat(code("1998-08-02", "On 2 August, fighting broke out in Kinshasa.")).anySatisfy(e ->
                assertThat(e.eventType()).isEqualTo(EventType.ASSAULT));
    }

    @Test
    void militaryActionTakenIsForceAndAnnouncedIsAThreat() {
        assertThat(code("2008-02-21", "Turkey took military action against Kurdish rebels in Iraq.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("TUR");
        });
        assertThat(code("2007-04-12", "Sudan said it would take military action against Chad.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("SDN");
            assertThat(codes(e.recipient())).containsExactly("TCD");
        });
        // steps of any other kind are no force
        assertThat(code("2008-02-21", "The Turkish government took steps to improve the economy."))
                .noneMatch(e -> e.eventType() == EventType.ASSAULT);
    }

    @Test
    void forceByNobodyNamedOnOneSideIsTheOtherSides() {
        assertThat(code("1937-08-20", "Japanese troops attacked Chinese forces near Beijing in July. "
                + "The bombardment of Chinese positions at Shanghai continued for weeks.")).anySatisfy(e -> {
                    assertThat(e.evidence().get(0).trigger()).isEqualTo("bombardment");
                    assertThat(codes(e.actor())).containsExactly("JPN");
                    assertThat(codes(e.recipient())).containsExactly("CHN");
                    assertThat(e.actor().get(0).antecedent()).isNotNull();
                });
        // with no confrontation told before, the perpetrator stays the place's unidentified one
        assertThat(code("2021-03-02", "Two soldiers were killed in Kano on Monday.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("NGA");
        });
    }

    @Test
    void aTitleActingOnOneSideIsTheOtherSidesOfficial() {
        assertThat(code("1970-06-11", "Zambia accused Rhodesia of raids. On the 11th the president accused Rhodesia "
                + "of using napalm.")).filteredOn(e -> e.evidence().get(0).trigger().equals("accused"))
                .hasSize(2).allSatisfy(e -> {
                    assertThat(codes(e.actor())).containsExactly("ZMB");
                    assertThat(codes(e.recipient())).containsExactly("ZWE");
                });
    }

    @Test
    void anOfferTurnedDownIsNotItsMakersRefusal() {
        assertThat(code("1979-02-24", "China and Vietnam clashed in February. Vietnam's proposal for negotiations "
                + "was rejected.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REJECT);
                    assertThat(codes(e.actor())).containsExactly("CHN");
                    assertThat(codes(e.recipient())).containsExactly("VNM");
                });
        // nobody named and no confrontation told: no refusal by the offer's maker
        assertThat(code("1956-10-02", "Egypt's offer of talks was turned down."))
                .noneMatch(e -> e.eventType() == EventType.REJECT && codes(e.actor()).contains("EGY"));
        // a stance still holds its subject: "Israel is opposed to French mediation"
        assertThat(code("1979-02-24", "Israel is opposed to French mediation.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REJECT);
            assertThat(codes(e.actor())).containsExactly("ISR");
        });
    }

    @Test
    void whatADemandAsksIsNoActOfItsOwn() {
        assertThat(code("1974-05-10", "The Israeli demand that Syria commit itself to a cessation of all terrorist "
                + "activities was refused.")).noneMatch(e -> e.eventType() == EventType.AGREE)
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REJECT);
                    assertThat(codes(e.actor())).containsExactly("SYR");
                    assertThat(codes(e.recipient())).containsExactly("ISR");
                });
    }

    @Test
    void theUnitsAStateMovesAreNotWhomItFaces() {
        assertThat(code("1990-08-08", "The U.S. announced the deployment of more troops to the region and placed "
                + "ground troops on alert.")).filteredOn(e -> e.eventType() == EventType.MOBILIZE).isNotEmpty()
                .allSatisfy(e -> assertThat(codes(e.actor())).containsExactly("USA"))
                .noneMatch(e -> codes(e.recipient()).contains("USA"));
    }

    @Test
    void aLeadersActOpposesHisStateToTheOther() {
        assertThat(code("1972-09-18", "Idi Amin bombed the town of Bukoba in Tanzania. Tanzania responded the same "
                + "day by moving its Fourth Battalion to the border.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
                    assertThat(codes(e.actor())).containsExactly("TZA");
                    assertThat(codes(e.recipient())).containsExactly("UGA");
                });
    }

    @Test
    void aStandDownAnnouncedWithNoAgentIsTheAnnouncers() {
        assertThat(code("1968-10-31", "The U.S. announced that all attacks against North Vietnam would be halted on "
                + "1 November.")).noneMatch(e -> e.eventType() == EventType.ASSAULT).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.AGREE);
                    assertThat(codes(e.actor())).containsExactly("USA");
                });
        // not force: who reports a killing did not kill
        assertThat(code("2022-03-01", "The UN said 20 people were killed in Mariupol."))
                .noneMatch(e -> codes(e.actor()).contains("IGO"));
    }

    @Test
    void aRequestMadeOfABodyIsMadeToIt() {
        assertThat(code("1970-11-22", "President Sekou Toure appealed for an emergency meeting of the Security "
                + "Council.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).containsExactly("GIN");
                    assertThat(codes(e.recipient())).containsExactly("IGO");
                });
    }

    @Test
    void anActAimedAtNobodyNamedIsAimedAtTheActorsLastAdversary() {
        // the latest confrontation is Chile's and Peru's; London's last adversary is Argentina
        assertThat(code("1982-04-05", "Argentina landed troops on the islands. Britain demanded that Argentina "
                + "withdraw its troops. Chile and Peru clashed on their border the same week. Two days later London "
                + "expressed deep anxiety.")).anySatisfy(e -> {
                    assertThat(e.evidence().get(0).trigger()).isEqualTo("expressed");
                    assertThat(codes(e.actor())).containsExactly("GBR");
                    assertThat(codes(e.recipient())).containsExactly("ARG");
                    assertThat(e.recipient().get(0).antecedent()).isNotNull();
                    assertThat(e.rule()).contains("last-adversary");
                });
        // a mediator mediates between the sides of the latest confrontation, not at its own adversary
        assertThat(code("1982-04-05", "Britain demanded that Argentina withdraw its troops. Chile and Peru clashed on "
                + "their border the same week. London then mediated.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("GBR");
                    assertThat(codes(e.recipient())).doesNotContain("ARG");
                });
        // help and support go to partners: the adversary is not their recipient
        assertThat(code("1982-04-05", "Britain demanded that Argentina withdraw its troops. Chile and Peru clashed on "
                + "their border the same week. Two days later London sent aid.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.AID);
                    assertThat(codes(e.actor())).containsExactly("GBR");
                    assertThat(codes(e.recipient())).doesNotContain("ARG");
                });
    }

    @Test
    void aVerbTheTaggerReadAsAParticipleAfterAParenthesisIsStillTheVerb() {
        // the tagger reads "proposed" as a participle; repaired before the parse, it is the sentence's verb
        assertThat(code("1990-03-02", "With the border talks stalled, Kenya, on 2 March, proposed negotiations "
                + "between the two foreign ministers.")).anySatisfy(e -> {
                    assertThat(e.evidence().get(0).trigger()).isEqualTo("proposed");
                    assertThat(e.eventType()).isEqualTo(EventType.AGREE);
                    assertThat(codes(e.actor())).containsExactly("KEN");
                });
    }

    @Test
    void anEventNounCompoundedWithEffortsIsTheEventWithTheirArguments() {
        assertThat(code("1978-11-02", "Kenya's mediation efforts between Sudan and Chad continued.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(e.evidence().get(0).trigger()).isEqualTo("mediation");
            assertThat(codes(e.actor())).containsExactly("KEN");
            assertThat(codes(e.recipient())).containsExactlyInAnyOrder("SDN", "TCD");
        });
    }

    @Test
    void shipsNamedByACompoundChainAreSentShips() {
        // "coast guard vessels": the whole chain of compounds names the object; the gerund after "of" is the verb
        assertThat(code("2012-09-14", "Japan's response consisted of dispatching coast guard vessels to the islands."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
                    assertThat(codes(e.actor())).containsExactly("JPN");
                });
    }

    @Test
    void claimingTerritoryIsAThreatToTakeIt() {
        assertThat(code("1945-03-01", "Guatemala claimed the territory in 1945.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(e.mode()).isEqualTo("territory");
            assertThat(codes(e.actor())).containsExactly("GTM");
        });
        assertThat(code("1881-04-30", "Chile asserted its sovereignty over the whole coast."))
                .anyMatch(e -> e.eventType() == EventType.THREATEN && codes(e.actor()).equals(List.of("CHL")));
        // claiming responsibility or lives is no claim to land, nor is claiming that a region is crowded
        assertThat(code("2021-07-14", "The floods claimed 40 lives in Assam."))
                .noneMatch(e -> e.eventType() == EventType.THREATEN);
        assertThat(code("1987-03-02", "Officials had claimed the region was too crowded for an evacuation plan."))
                .noneMatch(e -> e.eventType() == EventType.THREATEN);
    }

    @Test
    void aThreatPerceivedOrFacedIsNoThreatMade() {
        // a danger seen, marked as perceived, said "as a threat", or a threat to a common noun: nobody threatened
        assertThat(code("1961-06-30", "Perceiving a threat to its existence, Kuwait asked Britain for help."))
                .noneMatch(e -> e.eventType() == EventType.THREATEN);
        assertThat(code("1976-02-22", "Syria responded to a perceived threat to its influence in Lebanon."))
                .noneMatch(e -> e.eventType() == EventType.THREATEN);
        assertThat(code("1936-03-19", "The council condemned the German move as a threat to European unity."))
                .noneMatch(e -> e.eventType() == EventType.THREATEN);
        // a threat made, to do something or against someone, is one
        assertThat(code("1987-09-22", "Iran's president uttered threats against Saudi Arabia.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("IRN");
            assertThat(codes(e.recipient())).containsExactly("SAU");
        });
        assertThat(code("1956-10-20", "Poland's answer was a threat by Gomulka to close the border with Russia."))
                .anyMatch(e -> e.eventType() == EventType.THREATEN);
    }

    @Test
    void anOfficialInFrontOfANounIsAnAdjective() {
        // "official" before "offer" is no official of some country acting: the offer is Britain's and France's
        assertThat(code("1939-12-27", "The first official offer by Britain and France to send troops to Finland "
                + "was made on 27 December.")).allSatisfy(e -> assertThat(e.actor())
                        .noneMatch(a -> a.text().equals("official")));
    }

    @Test
    void aGerundUnderAPrepositionHasItsVerbsSubject() {
        // "breaking off" is conjoined with "withholding", under "by": both are the U.S.'s acts, not the Dominican
        // Republic's (the nearest name to their left)
        assertThat(code("1960-08-26", "The U.S. complied with the resolution by withholding the Dominican "
                + "Republic's sugar quota and breaking off diplomatic relations.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
                    assertThat(codes(e.actor())).containsExactly("USA");
                });
    }

    @Test
    void anAgreementBetweenTwoPartiesWasMadeByThem() {
        assertThat(code("1954-04-02", "An agreement between Turkey and Pakistan was signed in April 1954."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.SUPPORT);
                    assertThat(codes(e.actor())).containsExactly("TUR");
                    assertThat(codes(e.recipient())).containsExactly("PAK");
                });
        assertThat(code("1960-06-29", "A treaty of friendship was signed in Leopoldville between Congo and Belgium."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.SUPPORT);
                    assertThat(codes(e.actor())).containsExactly("COD");
                    assertThat(codes(e.recipient())).containsExactly("BEL");
                });
    }

    @Test
    void mediationNamingNobodyIsBetweenTheTwoOtherStatesOfItsSentence() {
        assertThat(code("1976-03-11", "Oman and South Yemen signed a cease-fire on 11 March, under the auspices of "
                + "Saudi mediation.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("SAU");
                    assertThat(codes(e.recipient())).containsExactlyInAnyOrder("OMN", "YEM");
                });
    }

    @Test
    void aRelativeClauseWithItsOwnSubjectTellsAnActOfItsOwn() {
        // the pressing is France's and Britain's act, not background to Italy's mediation
        assertThat(code("1922-10-04", "Italy mediated the protocol, which France and Britain pressed Austria to "
                + "accept.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).contains("FRA");
                    assertThat(codes(e.recipient())).containsExactly("AUT");
                });
    }

    @Test
    void officialsFromTwoStatesAreBothActors() {
        // "from Pakistan and India", like "the leaders of Japan and South Korea": both countries take part, and a
        // meeting of the two is coded as the dyad it is
        assertThat(code("2001-10-07", "Officials from Pakistan and India discussed the ceasefire violations on "
                + "7 October.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
                    assertThat(codes(e.actor())).containsExactly("PAK");
                    assertThat(codes(e.recipient())).containsExactly("IND");
                });
    }

    @Test
    void theLexiconsHyphenatedNounsMatchTheSplitTokens() {
        // the tokenizer splits "cease-fire" into three tokens; the lexicon lists it hyphenated
        assertThat(code("1995-02-17", "Ecuador declared a cease-fire.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
            assertThat(codes(e.actor())).containsExactly("ECU");
            assertThat(e.rule()).startsWith("cease-fire.n");
        });
    }

    @Test
    void establishingControlOverTerritoryIsSeizingIt() {
        assertThat(code("1950-10-07", "In 1950 the Chinese army established control over Tibet.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("CHN");
        });
    }

    @Test
    void repressionIsCoercion() {
        assertThat(code("1988-08-08", "The Burmese junta stepped up its repression of the opposition.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("MMR");
        });
    }

    @Test
    void aVerbHungOnAReportedNominalPredicateIsTheSpeakers() {
        // the parser makes "rejected" a conjunct of "way", whose subject ("negotiations") names nobody
        assertThat(code("1946-04-03", "Moscow declared that direct negotiations were the only way to a settlement "
                + "and rejected the Council's jurisdiction.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REJECT);
                    assertThat(codes(e.actor())).containsExactly("RUS");
                });
    }

    @Test
    void whatAnAnswerIsSaidToBeWasDoneByWhoeverAnswered() {
        assertThat(code("1921-06-15", "Sweden's reaction was an ultimatum to Finland.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("SWE");
            assertThat(codes(e.recipient())).containsExactly("FIN");
        });
        assertThat(code("1978-11-02", "Chile's answer was a note to Buenos Aires demanding the withdrawal of the "
                + "warships.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
                    assertThat(codes(e.actor())).containsExactly("CHL");
                });
        // a possessor of anything else is not the doer of what the noun is said to be
        assertThat(code("1978-11-02", "Chile's capital was the scene of an ultimatum.")).noneSatisfy(e ->
                assertThat(codes(e.actor())).containsExactly("CHL"));
    }

    @Test
    void recallingAMinisterIsADiplomaticSanction() {
        // "minister" as a head of legation, as older reporting names an envoy
        assertThat(code("1920-06-15", "Sweden recalled its minister from Helsinki.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
            assertThat(codes(e.actor())).containsExactly("SWE");
        });
    }

    @Test
    void recallingDiplomaticRepresentativesIsADiplomaticSanction() {
        assertThat(code("1955-04-02", "On 2 April Norway recalled its diplomatic representatives to Sweden."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
                    assertThat(codes(e.actor())).containsExactly("NOR");
                });
    }

    @Test
    void aSentenceWhoseOnlyActorIsBothSidesIsParsedAndCoded() {
        // "both sides" is resolved by the document; the cheap test before the parse must let the sentence through
        List<Event> events = code("1965-09-01", "Chile and Peru fought along the border. Both sides agreed to a truce "
                + "on 1 September.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AGREE);
            assertThat(codes(e.actor())).containsAnyOf("CHL", "PER");
            assertThat(codes(e.recipient())).containsAnyOf("CHL", "PER");
        });
    }

    @Test
    void aWarFoughtIsNobodysVictim() {
        // the object of "fought a war" is the fight, not civilians of the place hit by it
        List<Event> events = code("1965-09-01", "India and Pakistan fought a war in Kashmir.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactlyInAnyOrder("IND", "PAK");
        });
        assertThat(events).allSatisfy(e -> assertThat(e.rule()).doesNotContain("victim-noun"));
    }

    @Test
    void whatAPlanOrTimetableProvidesForIsNoEventTold() {
        assertThat(code("1994-08-10", "The accord set a timetable for the withdrawal of Russian troops from Moldova."))
                .noneMatch(e -> e.eventType() == EventType.RETREAT);
        assertThat(code("1994-08-10", "They set up a commission to supervise the withdrawal of Russian troops from "
                + "Moldova.")).noneMatch(e -> e.eventType() == EventType.RETREAT);
        // a withdrawal told as such stands
        assertThat(code("1994-08-10", "The withdrawal of Russian troops from Moldova began on Monday."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
                    assertThat(codes(e.actor())).containsExactly("RUS");
                });
    }

    @Test
    void meetingWithOppositionIsAReceptionNotAMeeting() {
        assertThat(code("1979-02-20", "Chinese troops met with stiff opposition near Lang Son."))
                .noneMatch(e -> e.eventType() == EventType.CONSULT);
        // the political opposition is a party one meets
        assertThat(code("2019-02-20", "The Venezuelan president met with the opposition in Caracas.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("VEN");
        });
    }

    @Test
    void anUltimatumPresentedOrServedIsAThreatToItsAddressee() {
        assertThat(code("1914-07-23", "Austria served Serbia with an ultimatum.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("AUT");
            assertThat(codes(e.recipient())).containsExactly("SRB");
        });
        assertThat(code("1940-10-28", "Italy presented Greece with an ultimatum.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("ITA");
            assertThat(codes(e.recipient())).containsExactly("GRC");
        });
    }

    @Test
    void suppressingOpponentsIsRepressionButAProtestQuelledStaysAProtest() {
        assertThat(code("1954-06-29", "The Guatemalan junta suppressed the opposition parties.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("GTM");
        });
        assertThat(code("1990-11-27", "Soldiers were deployed to quell student protests in Dhaka."))
                .anyMatch(e -> e.eventType() == EventType.PROTEST);
    }

    @Test
    void forcesThatMoveOrLandWithNoObjectAreDeployed() {
        // the lexicon's "+subject" marker: an intransitive verb whose subject is what the row asks of its object
        assertThat(code("1939-03-20", "German forces moved to the border.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
            assertThat(codes(e.actor())).containsExactly("DEU");
        });
        assertThat(code("1982-05-21", "On the 21st 5,000 British troops landed on East Falkland Island.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
            assertThat(codes(e.actor())).containsExactly("GBR");
        });
        // a plane landing deploys nobody
        assertThat(code("2022-03-01", "The Russian plane landed in Minsk.")).noneMatch(e -> e.eventType() == EventType.MOBILIZE);
    }

    @Test
    void aStanceToldByAnAdjectiveOrANounOfSatisfactionIsCoded() {
        assertThat(code("1922-09-01", "Italy was supportive of Turkey.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SUPPORT);
            assertThat(codes(e.actor())).containsExactly("ITA");
            assertThat(codes(e.recipient())).containsExactly("TUR");
        });
        assertThat(code("2003-03-20", "France was highly critical of the American decision.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
            assertThat(codes(e.actor())).containsExactly("FRA");
            assertThat(codes(e.recipient())).containsExactly("USA");
        });
        assertThat(code("2007-07-17", "Sudan and Chad both expressed satisfaction with Libya's efforts.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SUPPORT);
            assertThat(codes(e.recipient())).containsExactly("LBY");
        });
        // a critical situation is nobody's criticism
        assertThat(code("2024-01-12", "The situation in Gaza is critical.")).isEmpty();
    }

    @Test
    void anArmedAdvanceIsAnAssaultAndTheConjunctKeepsItsSubject() {
        assertThat(code("1978-04-15", "FROLINAT forces seized Salal and advanced south to within 100 miles of N'Djamena."))
                .anyMatch(e -> e.eventType() == EventType.ASSAULT && e.rule().startsWith("advance.v.forces"));
        assertThat(code("2024-01-12", "Talks advanced slowly in Geneva.")).noneMatch(e -> e.eventType() == EventType.ASSAULT);
    }

    @Test
    void warshipsThatSailAndWarplanesThatFlyAreDeployedButACargoShipIsNot() {
        assertThat(code("2024-01-12", "Two Russian destroyers sailed into the Black Sea.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
            assertThat(codes(e.actor())).containsExactly("RUS");
        });
        assertThat(code("2024-01-12", "Chinese bombers flew near Taiwan on Monday.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
            assertThat(codes(e.actor())).containsExactly("CHN");
        });
        assertThat(code("2024-01-12", "A Turkish cargo ship sailed from Odesa.")).noneMatch(e -> e.eventType() == EventType.MOBILIZE);
    }

    @Test
    void aHyphenatedWordTheTokenizerSplitsStillNamesItsEvent() {
        // "no-fly zone" comes out of the tokenizer as "no - fly zone", in a phrase of the lexicon and in an object
        assertThat(code("1992-08-27", "The United States imposed a no-fly zone over southern Iraq.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("USA");
        });
        assertThat(code("2011-03-24", "NATO took command of the no-fly zone over Libya.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("IGO");
        });
        assertThat(code("2014-05-20", "The Thai army declared a state of martial law across the country.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("THA");
        });
    }

    @Test
    void anOrganOfABodyNamedWithOfIsThatBodys() {
        // not the country the sentence names as the one condemned
        assertThat(code("1980-06-01", "The Council of the Arab League condemned Israel.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ACCUSE);
            assertThat(codes(e.actor())).containsExactly("IGO");
            assertThat(codes(e.recipient())).containsExactly("ISR");
        });
    }

    @Test
    void troopsCountedAnewAreNotTheBodyLastNamedWithThatNoun() {
        List<Event> events = code("2004-06-01", "The president criticised the UN troops in Goma. "
                + "A week later Congo sent 5,000 troops to its eastern border.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.evidence().get(0).trigger()).isEqualTo("sent");
            assertThat(codes(e.actor())).containsExactly("COD");
            assertThat(codes(e.recipient())).doesNotContain("IGO");
        });
    }

    @Test
    void goingToACapitalIsAVisitButNotForTroopsOrForThoseGoingHome() {
        assertThat(code("2023-04-05", "The French foreign minister went to Beijing on Tuesday.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("FRA");
            assertThat(codes(e.recipient())).containsExactly("CHN");
        });
        assertThat(code("2023-04-05", "Thousands of refugees went back to Syria last year."))
                .noneMatch(e -> e.eventType() == EventType.CONSULT);
        assertThat(code("2023-04-05", "Two Iraqi brigades went to Basra on Monday."))
                .noneMatch(e -> e.eventType() == EventType.CONSULT);
        assertThat(code("1980-01-10", "Washington sent two representatives to Tehran.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactly("USA");
            assertThat(codes(e.recipient())).containsExactly("IRN");
        });
    }

    @Test
    void aCautionIsAWarningAndAnAdvanceIntoATerritoryAnAssault() {
        assertThat(code("2013-11-25", "Japan cautioned China against raising tensions over the islands.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("JPN");
            assertThat(codes(e.recipient())).containsExactly("CHN");
        });
        assertThat(code("1990-08-03", "The Iraqi advance into Kuwait took only hours.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("IRQ");
        });
    }

    @Test
    void anEventNounAsSubjectIsNoActor() {
        // "the negotiations broke off": what happened, not who did it (it had made Switzerland, the place, the actor)
        assertThat(code("2024-01-12", "After two rounds in Geneva, the negotiations broke off."))
                .noneMatch(e -> e.actor().stream().anyMatch(a -> a.text().equalsIgnoreCase("negotiations")));
    }

    @Test
    void aParticipleHungOnADateHasTheSubjectOfItsClause() {
        // the parser hangs "seeking" on "evening"; the nearest name before it is the addressee
        assertThat(code("2009-05-14", "Kenya wrote to Uganda the same evening seeking its support.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.REQUEST);
            assertThat(codes(e.actor())).containsExactly("KEN");
        });
    }

    @Test
    void aRelativeClauseOnANounThatNamesNobodyDescribesTheNameBeforeIt() {
        // "which" hung on "crisis": the crisis calls up nobody, Chile does
        assertThat(code("1978-12-20", "The blockade caused a crisis for Chile, which answered by calling up its "
                + "reservists.")).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.MOBILIZE);
                    assertThat(codes(e.actor())).containsExactly("CHL");
                });
    }

    @Test
    void coOfferersOfMediationAreNoDyad() {
        assertThat(code("1940-02-10", "Sweden and Norway made offers to mediate.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AGREE);
            assertThat(codes(e.actor())).containsExactlyInAnyOrder("SWE", "NOR");
            assertThat(e.recipient()).isEmpty();
        });
    }

    @Test
    void aPassiveActOnATargetPhraseIsAimedAtThatTarget() {
        assertThat(code("1966-01-10", "Sanctions against Rhodesia were imposed by Britain.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
            assertThat(codes(e.actor())).containsExactly("GBR");
            assertThat(codes(e.recipient())).containsExactly("ZWE");
        });
        // the theme's own nationality is not whom the act is aimed at
        assertThat(code("1966-01-10", "Egyptian troops were withdrawn from Yemen by Cairo.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
            assertThat(codes(e.actor())).containsExactly("EGY");
            assertThat(codes(e.recipient())).containsExactly("YEM");
        });
    }

    @Test
    void whatAHazardLedSomeoneToDoIsTheirAct() {
        assertThat(code("2011-03-20", "The earthquake led Japan to recall its ambassador from Seoul.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SANCTION);
            assertThat(codes(e.actor())).containsExactly("JPN");
        });
    }

    @Test
    void thePassiveAgentOfAnEventNounDoesWhatItNames() {
        assertThat(code("1974-08-01", "A naval blockade was enforced by Turkey against Cyprus.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.COERCE);
            assertThat(codes(e.actor())).containsExactly("TUR");
            assertThat(codes(e.recipient())).containsExactly("CYP");
        });
    }

    @Test
    void whatIsReceivedFromAStateWasGivenByIt() {
        assertThat(code("1955-09-27", "Egypt received arms from Czechoslovakia.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AID);
            assertThat(codes(e.actor())).containsExactly("CZE");
            assertThat(codes(e.recipient())).containsExactly("EGY");
            assertThat(e.rule()).contains("received");
        });
        assertThat(code("1957-04-29", "Jordan got military aid from the United States.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.AID);
            assertThat(codes(e.actor())).containsExactly("USA");
            assertThat(codes(e.recipient())).containsExactly("JOR");
        });
        assertThat(code("1973-10-12", "Israel received an ultimatum from the Soviet Union.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("RUS");
            assertThat(codes(e.recipient())).containsExactly("ISR");
        });
        // with no giver named, no help passed between two parties
        assertThat(code("1998-05-28", "Pakistan acquired ballistic missiles.")).noneMatch(e -> e.eventType() == EventType.AID);
    }

    @Test
    void peaceMadeWithNobodyNamedIsMadeBetweenTheSidesOfTheWar() {
        List<Event> signed = code("1964-07-28", "Ethiopian troops attacked Somali positions in the Ogaden in February. "
                + "An armistice agreement was signed on 27 July.");
        assertThat(signed).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SUPPORT);
            assertThat(e.rule()).contains("sides-of-passive");
            assertThat(List.of(codes(e.actor()).get(0), codes(e.recipient()).get(0)))
                    .containsExactlyInAnyOrder("ETH", "SOM");
        });
        List<Event> truce = code("1933-06-01", "Japanese troops attacked Chinese forces in Jehol in March. "
                + "On 31 May the Chinese government signed a truce at Tangku.");
        assertThat(truce).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.SUPPORT);
            assertThat(codes(e.actor())).containsExactly("CHN");
            assertThat(codes(e.recipient())).containsExactly("JPN");
            assertThat(e.rule()).contains("counterpart");
        });
        // a trade agreement is not the end of the war
        assertThat(code("1933-06-01", "Japanese troops attacked Chinese forces in Jehol in March. "
                + "On 31 May China signed a trade agreement.")).filteredOn(e -> e.eventType() == EventType.SUPPORT)
                .allSatisfy(e -> assertThat(codes(e.recipient())).doesNotContain("JPN"));
    }

    @Test
    void whatWasPreventedDidNotHappenAndWasNotDoneByWhoPreventedIt() {
        List<Event> events = code("1957-05-10", "Honduran troops attacked Nicaraguan posts in April. "
                + "Armed hostilities were prevented by the mediation of Costa Rica and Venezuela.");
        assertThat(events).filteredOn(e -> e.rule().startsWith("hostility.n")).allSatisfy(e -> {
            assertThat(e.modality()).isEqualTo(Modality.HYPOTHETICAL);
            assertThat(codes(e.actor())).doesNotContain("CRI", "VEN");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.CONSULT);
            assertThat(codes(e.actor())).containsExactlyInAnyOrder("CRI", "VEN");
            assertThat(codes(e.recipient())).containsExactlyInAnyOrder("HND", "NIC");
        });
    }

    @Test
    void aPlaceThatFellToAPartyWasSeizedByIt() {
        assertThat(code("1933-03-05", "Japanese troops attacked Chinese forces in March. Jehol fell on 4 March to the Japanese."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.COERCE);
                    assertThat(codes(e.actor())).containsExactly("JPN");
                    assertThat(codes(e.recipient())).containsExactly("CHN");
                    assertThat(e.rule()).contains("taken-by");
                });
        // falling to a figure is taken by nobody
        assertThat(code("2020-04-21", "Oil prices in Russia fell to 20 dollars a barrel.")).isEmpty();
    }

    @Test
    void fightingBetweenTwoSidesIsOneSideActingOnTheOther() {
        assertThat(code("1985-12-26", "Fighting broke out between Mali and Burkina Faso on 25 December.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(List.of(codes(e.actor()).get(0), codes(e.recipient()).get(0)))
                    .containsExactlyInAnyOrder("MLI", "BFA");
            assertThat(e.rule()).contains("joint");
        });
        // allies striking together do not strike each other
        assertThat(code("2024-01-12", "US and British warplanes struck targets in Yemen.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactlyInAnyOrder("USA", "GBR");
            assertThat(codes(e.recipient())).containsExactly("YEM");
        });
    }

    @Test
    void hisForcesAreThoseOfThePersonNamedBefore() {
        assertThat(code("1977-08-01", "The Egyptian president said his forces would attack Israel.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.THREATEN);
            assertThat(codes(e.actor())).containsExactly("EGY");
            assertThat(codes(e.recipient())).containsExactly("ISR");
        });
        // a person named by a generic noun serves whom its "of" phrase names, and so do "his troops"
        assertThat(code("1978-03-09",
                "The commander of the Ethiopian army announced that his troops were withdrawing from Somalia."))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo(EventType.RETREAT);
                    assertThat(codes(e.actor())).containsExactly("ETH");
                    assertThat(codes(e.recipient())).containsExactly("SOM");
                });
        assertThat(code("1978-03-09", "The commander of the Ethiopian army attacked Somalia.")).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventType.ASSAULT);
            assertThat(codes(e.actor())).containsExactly("ETH");
        });
    }
}
