package org.faultline.coding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.faultline.coding.HandBuiltSentence;
import org.faultline.model.DatePrecision;
import org.faultline.model.TextSpan;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.Test;

/** Event dates from hand-tagged DATE tokens with SUTime-style values (no CoreNLP). */
class TemporalResolverTest {
    private static final LocalDate ARTICLE = LocalDate.of(2024, 11, 14);
    private final TemporalResolver resolver = new TemporalResolver();

    private EventDate resolve(HandBuiltSentence b, int trigger) {
        ParsedSentence s = b.build();
        return resolver.resolve(s, b.text(), trigger, i -> false, ARTICLE);
    }

    @Test
    void bareMonthInAPastTenseReportIsTheLastSuchMonth() {
        EventDate d = resolve(HandBuiltSentence.in("Troops attacked in March.")
                .token("Troops", "troop", "NNS")
                .token("attacked", "attack", "VBD")
                .token("in", "in", "IN")
                .date("March", "March", "NNP", "2025-03")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(LocalDate.of(2024, 3, 1), DatePrecision.MONTH,
                new TextSpan("March", 19, 24)));
    }

    @Test
    void bareMonthInAFutureReportStaysAhead() {
        EventDate d = resolve(HandBuiltSentence.in("Troops will attack in March.")
                .token("Troops", "troop", "NNS")
                .token("will", "will", "MD")
                .token("attack", "attack", "VB")
                .token("in", "in", "IN")
                .date("March", "March", "NNP", "2025-03")
                .token(".", ".", "."), 2);

        assertThat(d).isEqualTo(new EventDate(LocalDate.of(2025, 3, 1), DatePrecision.MONTH,
                new TextSpan("March", 22, 27)));
    }

    /** A Friday. */
    private static final LocalDate FRIDAY = LocalDate.of(2025, 6, 13);

    private EventDate onFriday(String sentence, String[][] tokens, int trigger) {
        HandBuiltSentence b = HandBuiltSentence.in(sentence);
        for (String[] t : tokens) {
            b = t.length == 4 ? b.date(t[0], t[1], t[2], t[3]) : b.token(t[0], t[1], t[2]);
        }
        ParsedSentence s = b.build();
        return resolver.resolve(s, b.text(), trigger, i -> false, FRIDAY);
    }

    @Test
    void aWeekdayAloneIsReadFromTheArticleDateWhateverSuTimeChose() {
        for (String sutime : new String[] {"2025-06-08", "2025-06-15"}) {
            EventDate planned = onFriday("Talks were set for Sunday.", new String[][] {{"Talks", "talk", "NNS"},
                {"were", "be", "VBD"}, {"set", "set", "VBN"}, {"for", "for", "IN"},
                {"Sunday", "Sunday", "NNP", sutime}, {".", ".", "."}}, 0);
            assertThat(planned.date()).as("no tense on the trigger: the nearer Sunday").isEqualTo("2025-06-15");
            EventDate struck = onFriday("Israel struck on Sunday.", new String[][] {{"Israel", "Israel", "NNP"},
                {"struck", "strike", "VBD"}, {"on", "on", "IN"}, {"Sunday", "Sunday", "NNP", sutime},
                {".", ".", "."}}, 1);
            assertThat(struck.date()).as("past tense: the Sunday before").isEqualTo("2025-06-08");
            assertThat(struck.precision()).isEqualTo(DatePrecision.DAY);
        }
        assertThat(TemporalResolver.weekday("fri", "last Friday", FRIDAY, true)).isEqualTo("2025-06-06");
        assertThat(TemporalResolver.weekday("fri", "Friday", FRIDAY, true)).isEqualTo(FRIDAY);
        assertThat(TemporalResolver.weekday("mon", "next Monday", FRIDAY, false)).isEqualTo("2025-06-16");
        assertThat(TemporalResolver.weekday("wednes", "Wednesday", FRIDAY, false)).isEqualTo("2025-06-11");
    }

    @Test
    void aYearInsideANounPhraseDoesNotDateAnotherClause() {
        EventDate d = resolve(HandBuiltSentence.in("Troops took the zone and Netanyahu said the 1974 accord collapsed.")
                .token("Troops", "troop", "NNS")
                .token("took", "take", "VBD")
                .token("the", "the", "DT")
                .token("zone", "zone", "NN")
                .token("and", "and", "CC")
                .token("Netanyahu", "Netanyahu", "NNP")
                .token("said", "say", "VBD")
                .token("the", "the", "DT")
                .date("1974", "1974", "CD", "1974")
                .token("accord", "accord", "NN")
                .token("collapsed", "collapse", "VBD")
                .token(".", ".", ".")
                .dep(-1, 1, "root").dep(1, 0, "nsubj").dep(1, 3, "obj").dep(3, 2, "det").dep(1, 6, "conj")
                .dep(6, 4, "cc").dep(6, 5, "nsubj").dep(6, 10, "ccomp").dep(10, 9, "nsubj").dep(9, 8, "nummod")
                .dep(9, 7, "det").dep(1, 11, "punct"), 1);

        assertThat(d).isEqualTo(new EventDate(ARTICLE, DatePrecision.ARTICLE, null));
    }

    @Test
    void fullDateIsADay() {
        EventDate d = resolve(HandBuiltSentence.in("Russia invaded on Feb. 24, 2022.")
                .token("Russia", "Russia", "NNP")
                .token("invaded", "invade", "VBD")
                .token("on", "on", "IN")
                .date("Feb.", "February", "NNP", "2022-02-24")
                .date("24", "24", "CD", "2022-02-24")
                .date(",", ",", ",", "2022-02-24")
                .date("2022", "2022", "CD", "2022-02-24")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(LocalDate.of(2022, 2, 24), DatePrecision.DAY,
                new TextSpan("Feb. 24, 2022", 18, 31)));
    }

    @Test
    void yearsAgoIsAYear() {
        EventDate d = resolve(HandBuiltSentence.in("Troops withdrew two years ago.")
                .token("Troops", "troop", "NNS")
                .token("withdrew", "withdraw", "VBD")
                .date("two", "two", "CD", "2022-11-14")
                .date("years", "year", "NNS", "2022-11-14")
                .date("ago", "ago", "RB", "2022-11-14")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(LocalDate.of(2022, 1, 1), DatePrecision.YEAR,
                new TextSpan("two years ago", 16, 29)));
    }

    @Test
    void lastWeekIsTheMondayOfThatWeek() {
        EventDate d = resolve(HandBuiltSentence.in("Protesters marched last week.")
                .token("Protesters", "protester", "NNS")
                .token("marched", "march", "VBD")
                .date("last", "last", "JJ", "2024-W45")
                .date("week", "week", "NN", "2024-W45")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(LocalDate.of(2024, 11, 4), DatePrecision.WEEK,
                new TextSpan("last week", 19, 28)));
    }

    @Test
    void yearAloneIsAYear() {
        EventDate d = resolve(HandBuiltSentence.in("They signed it in 2019.")
                .token("They", "they", "PRP")
                .token("signed", "sign", "VBD")
                .token("it", "it", "PRP")
                .token("in", "in", "IN")
                .date("2019", "2019", "CD", "2019")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(LocalDate.of(2019, 1, 1), DatePrecision.YEAR,
                new TextSpan("2019", 18, 22)));
    }

    @Test
    void noExpressionFallsBackToTheArticleDate() {
        EventDate d = resolve(HandBuiltSentence.in("Troops attacked.")
                .token("Troops", "troop", "NNS")
                .token("attacked", "attack", "VBD")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(ARTICLE, DatePrecision.ARTICLE, null));
    }

    @Test
    void unusableValueFallsBackToTheArticleDate() {
        EventDate d = resolve(HandBuiltSentence.in("Troops attacked in the 1700s.")
                .token("Troops", "troop", "NNS")
                .token("attacked", "attack", "VBD")
                .token("in", "in", "IN")
                .token("the", "the", "DT")
                .date("1700s", "1700s", "NNS", "17XX")
                .token(".", ".", "."), 1);

        assertThat(d).isEqualTo(new EventDate(ARTICLE, DatePrecision.ARTICLE, null));
    }

    @Test
    void attachedExpressionWinsOverACloserOne() {
        HandBuiltSentence b = HandBuiltSentence.in("In March troops attacked, officials said in June.")
                .token("In", "in", "IN")
                .date("March", "March", "NNP", "2024-03")
                .token("troops", "troop", "NNS")
                .token("attacked", "attack", "VBD")
                .token(",", ",", ",")
                .token("officials", "official", "NNS")
                .token("said", "say", "VBD")
                .token("in", "in", "IN")
                .date("June", "June", "NNP", "2024-06")
                .token(".", ".", ".");
        ParsedSentence s = b.build();

        EventDate attached = resolver.resolve(s, b.text(), 3, i -> i == 8, ARTICLE);
        EventDate nearest = resolver.resolve(s, b.text(), 3, i -> false, ARTICLE);

        assertThat(attached).isEqualTo(new EventDate(LocalDate.of(2024, 6, 1), DatePrecision.MONTH,
                new TextSpan("June", 44, 48)));
        assertThat(nearest).isEqualTo(new EventDate(LocalDate.of(2024, 3, 1), DatePrecision.MONTH,
                new TextSpan("March", 3, 8)));
    }
}
