package org.faultline.analysis.faultlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorKey;
import org.junit.jupiter.api.Test;

/** The one-line summaries of faultline points count their events in English. */
class FaultlinesSummaryTest {
    private static final ActorKey ISR = ActorKey.of("ISR");
    private static final ActorKey UKR = ActorKey.of("UKR");

    private static List<String> summaries(Tie direct) {
        Faultlines f = Faultlines.of(ISR, UKR, List.of(direct));
        List<String> out = new ArrayList<>();
        f.intersections().forEach(p -> out.add(p.summary()));
        f.divergences().forEach(p -> out.add(p.summary()));
        return out;
    }

    @Test
    void oneEventIsSingular() {
        assertThat(summaries(new Tie(ISR, UKR, 1, 1, 1, 1, 0.0, Map.of()))).containsExactlyInAnyOrder(
                "ISR and UKR cooperate (1 event)", "ISR and UKR are in conflict (1 event)",
                "ISR refuses or rejects UKR (1 event)", "UKR refuses or rejects ISR (1 event)");
    }

    @Test
    void moreEventsArePlural() {
        assertThat(summaries(new Tie(ISR, UKR, 4, 8, 2, 0, 0.0, Map.of()))).containsExactlyInAnyOrder(
                "ISR and UKR cooperate (4 events)", "ISR and UKR are in conflict (8 events)",
                "ISR refuses or rejects UKR (2 events)");
    }
}
