package org.faultline.coding.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faultline.model.DatePrecision;
import org.faultline.model.TextSpan;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Resolves the date of an event from the temporal expressions SUTime normalised in its sentence, preferring
 * the one attached to the trigger, against the article date; falls back to the article date, marked as such.
 * Stateless.
 */
public final class TemporalResolver {
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");
    private static final Pattern MONTH = Pattern.compile("(\\d{4}|XXXX)-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    /** SUTime's value of a time on a known day, e.g. 2024-10-01TEV ("Tuesday evening") or 2024-10-01T17:00. */
    private static final Pattern DATED_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b");

    /** A day of the month or a month named with a weekday: "Sunday, June 15", "Monday 3 March". */
    private static final Pattern EXPLICIT_DAY = Pattern.compile(
            "(?i)\\d|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b\\.?");

    /**
     * The day a weekday named alone refers to, seen from the article date: "last Friday" the one before (never the
     * article day), "next Friday" the one after; in a past-tense report the latest on or before the article day;
     * otherwise whichever of the last (or same) and the next is nearer.
     */
    static LocalDate weekday(String stem, String text, LocalDate article, boolean past) {
        DayOfWeek w = switch (stem.toLowerCase(java.util.Locale.ROOT)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tues" -> DayOfWeek.TUESDAY;
            case "wednes" -> DayOfWeek.WEDNESDAY;
            case "thurs" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "satur" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        String t = text.toLowerCase(java.util.Locale.ROOT);
        LocalDate before = article.with(TemporalAdjusters.previousOrSame(w));
        LocalDate after = article.with(TemporalAdjusters.next(w));
        if (t.contains("last") || t.contains("previous")) {
            return article.with(TemporalAdjusters.previous(w));
        }
        if (t.contains("next") || t.contains("coming")) {
            return after;
        }
        if (past) {
            return before;
        }
        return ChronoUnit.DAYS.between(before, article) <= ChronoUnit.DAYS.between(article, after) ? before : after;
    }

    /** A run of DATE tokens with one normalised value, and the words it covers in the document text. */
    record Expression(int first, int last, String value, TextSpan span) {
        String text() {
            return span.text();
        }
    }

    static List<Expression> expressions(ParsedSentence s, String text) {
        List<Expression> out = new ArrayList<>();
        List<Token> t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (!dated(t.get(i))) {
                continue;
            }
            int j = i;
            while (j + 1 < t.size() && dated(t.get(j + 1))
                    && t.get(i).normalized().equals(t.get(j + 1).normalized())) {
                j++;
            }
            int start = t.get(i).start();
            int end = t.get(j).end();
            out.add(new Expression(i, j, t.get(i).normalized(), new TextSpan(text.substring(start, end), start, end)));
            i = j;
        }
        return out;
    }

    /**
     * A token of a date, or of a time of a known day ("on Tuesday evening" is a TIME whose value, 2024-10-01TEV,
     * names the day); a time without its day ("at 5 pm") says nothing about the date.
     */
    private static boolean dated(Token t) {
        return t.normalized() != null && ("DATE".equals(t.ner())
                || "TIME".equals(t.ner()) && DATED_TIME.matcher(t.normalized()).matches());
    }

    /**
     * @param s        the sentence
     * @param text     document text
     * @param trigger  trigger token
     * @param attached whether an expression's head token hangs under the trigger's clause
     * @param article  the article date
     */
    public EventDate resolve(ParsedSentence s, String text, int trigger, java.util.function.IntPredicate attached,
                             LocalDate article) {
        List<Expression> exprs = expressions(s, text);
        Expression chosen = null;
        for (Expression e : exprs) {
            if (attached.test(e.first()) || attached.test(e.last())) {
                chosen = e;
                break;
            }
        }
        if (chosen == null && !exprs.isEmpty()) {
            int bestDist = Integer.MAX_VALUE;
            for (Expression e : exprs) {
                if (namesAThing(s, e)) {
                    continue;
                }
                int d = Math.min(Math.abs(e.first() - trigger), Math.abs(e.last() - trigger));
                if (d < bestDist) {
                    bestDist = d;
                    chosen = e;
                }
            }
        }
        boolean attachedChoice = chosen != null && (attached.test(chosen.first()) || attached.test(chosen.last()));
        if (chosen != null) {
            EventDate d = parse(chosen, s, article, s.token(trigger).pos());
            // a bare year that is one of several expressions, or after the article for a past act ("by 2028"),
            // does not date this event
            boolean plausible = attachedChoice || d == null || d.precision() != org.faultline.model.DatePrecision.YEAR
                    || exprs.size() == 1 && !(d.date().isAfter(article) && s.token(trigger).pos().matches("VB[DN]"));
            if (d != null && plausible) {
                return d;
            }
        }
        return new EventDate(article, DatePrecision.ARTICLE, null);
    }

    /**
     * A date inside a noun phrase says which thing is meant ("the 1974 disengagement agreement", "the 2015
     * nuclear deal"), not when an event elsewhere in the sentence happened: it dates only an event it is attached
     * to.
     */
    static boolean namesAThing(ParsedSentence s, Expression e) {
        for (int k = e.first(); k <= e.last(); k++) {
            int h = s.head(k);
            if (h >= 0 && (h < e.first() || h > e.last()) && s.token(h).pos().startsWith("NN")
                    && (s.is(k, "compound") || s.is(k, "amod") || s.is(k, "nummod") || s.is(k, "nmod:poss"))) {
                return true;
            }
        }
        return false;
    }

    EventDate parse(Expression e, ParsedSentence s, LocalDate article, String triggerPos) {
        String v = e.value();
        boolean ago = false;
        DatePrecision agoUnit = null;
        boolean explicitYear = false;
        for (int k = e.first(); k <= e.last(); k++) {
            String w = s.token(k).lemma();
            if (w.equals("ago")) {
                ago = true;
            }
            if (w.startsWith("year")) {
                agoUnit = DatePrecision.YEAR;
            } else if (w.startsWith("month") && agoUnit == null) {
                agoUnit = DatePrecision.MONTH;
            } else if (w.startsWith("week") && agoUnit == null) {
                agoUnit = DatePrecision.WEEK;
            }
            if (s.token(k).word().matches("\\d{4}")) {
                explicitYear = true;
            }
        }
        if (v.equals("PRESENT_REF")) {
            return new EventDate(article, DatePrecision.DAY, e.span());
        }
        try {
            Matcher m;
            if ((m = DAY.matcher(v)).matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (ago) {
                    DatePrecision p = agoUnit == null ? DatePrecision.DAY : agoUnit;
                    return new EventDate(startOf(d, p), p, e.span());
                }
                Matcher wd = WEEKDAY.matcher(e.text());
                if (wd.find() && !EXPLICIT_DAY.matcher(e.text()).find()) {
                    // a weekday alone ("on Monday", "Sunday evening", "last Friday") is read from the article date
                    // here, not taken from SUTime, whose choice between the week before and the week after
                    // depended on the documents coded earlier in the same process
                    boolean past = triggerPos.equals("VBD") || triggerPos.equals("VBN");
                    return new EventDate(weekday(wd.group(1), e.text(), article, past), DatePrecision.DAY, e.span());
                }
                return new EventDate(pastFix(d, article, explicitYear, triggerPos, 1), DatePrecision.DAY, e.span());
            }
            if ((m = WEEK.matcher(v)).matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                        .with(DayOfWeek.MONDAY);
                return new EventDate(d, DatePrecision.WEEK, e.span());
            }
            if ((m = MONTH.matcher(v)).matches()) {
                int year = m.group(1).equals("XXXX") ? article.getYear() : Integer.parseInt(m.group(1));
                LocalDate d = YearMonth.of(year, Integer.parseInt(m.group(2))).atDay(1);
                return new EventDate(pastFix(d, article, explicitYear, triggerPos, 31), DatePrecision.MONTH, e.span());
            }
            if ((m = YEAR.matcher(v)).matches()) {
                int y = Integer.parseInt(m.group(1));
                if (y < 1900 || y > article.getYear() + 5) {
                    return null;
                }
                return new EventDate(LocalDate.of(y, 1, 1), DatePrecision.YEAR, e.span());
            }
        } catch (java.time.DateTimeException | NumberFormatException ex) {
            return null;
        }
        return null;
    }

    private static LocalDate startOf(LocalDate d, DatePrecision p) {
        return switch (p) {
            case YEAR -> d.withDayOfYear(1);
            case MONTH -> d.withDayOfMonth(1);
            case WEEK -> d.with(DayOfWeek.MONDAY);
            default -> d;
        };
    }

    /**
     * SUTime resolves a bare "in March" forward from the article date; a past-tense report means the last
     * March, so an implicit-year date after the article date moves back a year.
     */
    private static LocalDate pastFix(LocalDate d, LocalDate article, boolean explicitYear, String pos, int slackDays) {
        boolean past = pos.equals("VBD") || pos.equals("VBN");
        if (!explicitYear && past && d.isAfter(article.plusDays(slackDays))) {
            return d.minusYears(1);
        }
        return d;
    }
}
