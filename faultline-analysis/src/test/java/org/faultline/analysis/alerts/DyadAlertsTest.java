package org.faultline.analysis.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.query.ActorKey;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventStatus;
import org.faultline.query.StoredEvent;
import org.junit.jupiter.api.Test;

class DyadAlertsTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 10);

    @Test
    void thresholdIsThreePoissonDeviationsAndAtLeastThree() {
        assertThat(DyadAlerts.threshold(0)).isEqualTo(3);
        assertThat(DyadAlerts.threshold(1)).isEqualTo(5);
        assertThat(DyadAlerts.threshold(4)).isEqualTo(11);
    }

    @Test
    void newDyadThenNewTypeThenNothing() {
        StoredEvent e = stored("e1", EventType.ASSAULT, MONDAY, 1);
        assertThat(DyadAlerts.of(List.of(e), totals(EventType.ASSAULT, MONDAY, 1))).extracting(DyadAlerts.Alert::id)
                .containsExactly("new_dyad:RUS->UKR");
        List<DyadTotal> known = new ArrayList<>(totals(EventType.ASSAULT, MONDAY.minusWeeks(20), 1));
        known.addAll(totals(EventType.AID, MONDAY, 1));
        assertThat(DyadAlerts.of(List.of(stored("e2", EventType.AID, MONDAY, 1)), known))
                .extracting(DyadAlerts.Alert::id).containsExactly("new_type:RUS->UKR:AID");
        // merged into a story another document reported: not news
        assertThat(DyadAlerts.of(List.of(stored("e3", EventType.AID, MONDAY, 2)), known)).isEmpty();
    }

    @Test
    void aWeekJumpsWhenItCrossesTheThresholdOnce() {
        List<DyadTotal> history = new ArrayList<>();
        for (int w = 1; w <= 8; w++) {
            history.addAll(totals(EventType.ASSAULT, MONDAY.minusWeeks(w), 1));
        }
        // baseline 1/week: the threshold is 5; four this week before the document, five with it
        List<DyadTotal> withDoc = new ArrayList<>(history);
        withDoc.addAll(totals(EventType.ASSAULT, MONDAY, 5));
        List<DyadAlerts.Alert> found = DyadAlerts.of(List.of(stored("e9", EventType.ASSAULT, MONDAY.plusDays(2), 1)),
                withDoc);
        assertThat(found).extracting(DyadAlerts.Alert::id).containsExactly("jump:RUS->UKR:conflict:2024-06-10");
        assertThat(found.get(0).count()).isEqualTo(5);
        assertThat(found.get(0).baseline()).isEqualTo(1.0);
        // the sixth of the week raises nothing: the week crossed already
        List<DyadTotal> six = new ArrayList<>(history);
        six.addAll(totals(EventType.ASSAULT, MONDAY, 6));
        assertThat(DyadAlerts.of(List.of(stored("e10", EventType.ASSAULT, MONDAY, 1)), six)).isEmpty();
        // four with the document stay under it
        List<DyadTotal> four = new ArrayList<>(history);
        four.addAll(totals(EventType.ASSAULT, MONDAY, 4));
        assertThat(DyadAlerts.of(List.of(stored("e11", EventType.ASSAULT, MONDAY, 1)), four)).isEmpty();
    }

    private static List<DyadTotal> totals(EventType t, LocalDate week, long n) {
        return List.of(new DyadTotal(week, ActorKey.of("RUS"), ActorKey.of("UKR"), false, t, EventStatus.REALISED, n,
                0, 0, week, week));
    }

    private static StoredEvent stored(String id, EventType t, LocalDate date, int mentions) {
        ActorRef rus = new ActorRef("Russia", "RUS", null, "Russia", "country:RUS", 0, 6);
        ActorRef ukr = new ActorRef("Ukraine", "UKR", null, "Ukraine", "country:UKR", 0, 7);
        Evidence ev = new Evidence("d-" + id, 0, 0, 10, "Russia did it.", "did", 7, 10);
        Event e = new Event(id, "d-" + id, t, null, List.of(), "000", t.quadClass(), 0, List.of(rus), List.of(ukr), date,
                DatePrecision.DAY, null, null, false, Modality.ASSERTED, null, 0.9, List.of(ev), "r", "v");
        return new StoredEvent(e, id, mentions);
    }
}
