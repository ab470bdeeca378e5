package org.faultline.analysis.faultlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.faultline.query.Period;
import org.junit.jupiter.api.Test;

/** Where a question without a start begins: the first period of the bulk, early stragglers skipped. */
class BulkStartTest {
    private static SortedMap<LocalDate, Long> counts(Object... dateThenCount) {
        SortedMap<LocalDate, Long> m = new TreeMap<>();
        for (int i = 0; i < dateThenCount.length; i += 2) {
            m.put(LocalDate.parse((String) dateThenCount[i]), ((Number) dateThenCount[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void aStragglerYearsBeforeTheBulkIsSkipped() {
        // 1 event in 2014 Q1, 40 from 2022 Q1: the 2014 one is 1/41 < 5%, and 2014 Q2 .. 2021 Q4 are empty
        assertThat(FaultlineTimeline.bulkStart(counts("2014-01-01", 1, "2022-01-01", 30, "2022-04-01", 10),
                Period.QUARTER)).contains(LocalDate.parse("2022-01-01"));
        // two stragglers, each cut off: the bulk still begins in 2022
        assertThat(FaultlineTimeline.bulkStart(counts("2008-07-01", 1, "2014-01-01", 1, "2022-01-01", 40),
                Period.QUARTER)).contains(LocalDate.parse("2022-01-01"));
    }

    @Test
    void earlyPeriodsStayWhenCloseOrHeavy() {
        // a gap of three empty quarters is not a year
        assertThat(FaultlineTimeline.bulkStart(counts("2021-01-01", 1, "2022-01-01", 40), Period.QUARTER))
                .contains(LocalDate.parse("2021-01-01"));
        // four empty quarters (2021 Q1 .. Q4) are
        assertThat(FaultlineTimeline.bulkStart(counts("2020-10-01", 1, "2022-01-01", 40), Period.QUARTER))
                .contains(LocalDate.parse("2022-01-01"));
        // 3 of 43 is 7%: not a straggler
        assertThat(FaultlineTimeline.bulkStart(counts("2014-01-01", 3, "2022-01-01", 40), Period.QUARTER))
                .contains(LocalDate.parse("2014-01-01"));
        // exactly 5% (2 of 40) stays
        assertThat(FaultlineTimeline.bulkStart(counts("2014-01-01", 2, "2022-01-01", 38), Period.QUARTER))
                .contains(LocalDate.parse("2014-01-01"));
    }

    @Test
    void byYearAndEdgeCases() {
        assertThat(FaultlineTimeline.bulkStart(counts("2019-01-01", 1, "2021-01-01", 50), Period.YEAR))
                .contains(LocalDate.parse("2021-01-01"));
        assertThat(FaultlineTimeline.bulkStart(counts("2020-01-01", 1, "2021-01-01", 50), Period.YEAR))
                .contains(LocalDate.parse("2020-01-01"));
        assertThat(FaultlineTimeline.bulkStart(counts("2020-01-01", 0, "2023-01-01", 5), Period.YEAR))
                .contains(LocalDate.parse("2023-01-01"));
        assertThat(FaultlineTimeline.bulkStart(counts(), Period.YEAR)).isEqualTo(Optional.empty());
    }
}
