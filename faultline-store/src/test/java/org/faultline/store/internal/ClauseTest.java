package org.faultline.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.faultline.query.EventStatus;
import org.junit.jupiter.api.Test;

class ClauseTest {
    @Test
    void combiningKeepsEachValueWithItsMark() {
        Clause pair = Clause.or(List.of(
                Clause.and(List.of(Clause.of("d.src = ?", 1), Clause.of("d.dst = ?", 2))).wrap("(", ")"),
                Clause.and(List.of(Clause.of("d.src = ?", 2), Clause.of("d.dst = ?", 1))).wrap("(", ")")));
        Where w = new Where().add("d.actor_level = ?", 0).add(pair).in("d.status", List.of(EventStatus.REALISED))
                .in("d.quad_class", List.of());
        Clause query = Clause.of("SELECT 1 FROM event_dyads d").then(w.clause()).then(" LIMIT 3");

        assertThat(query).isEqualTo(new Clause("SELECT 1 FROM event_dyads d WHERE d.actor_level = ? AND "
                + "((d.src = ? AND d.dst = ?) OR (d.src = ? AND d.dst = ?)) AND d.status IN (?) LIMIT 3",
                List.of(0, 1, 2, 2, 1, "REALISED")));
        assertThat(w.condition().wrap("x IN (SELECT 1 WHERE ", ")").sql())
                .startsWith("x IN (SELECT 1 WHERE d.actor_level = ? AND ((d.src");
    }

    @Test
    void noConditionsIsNoWhereClause() {
        assertThat(new Where().in("a", List.of()).clause()).isEqualTo(Clause.EMPTY);
    }

    @Test
    void marksInsideQuotedLiteralsAndNamesAreNotParameters() {
        Clause c = Clause.of("LOWER(text) LIKE ? ESCAPE '\\' AND name = 'who?' AND \"odd?\" = ?", "%a%", null);

        assertThat(c.params()).isEqualTo(Arrays.asList("%a%", null));
    }

    @Test
    void aValueWithoutItsMarkIsRefusedNamingTheSql() {
        assertThatThrownBy(() -> Clause.of("a = ? AND b = ?", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 parameter marks but 1 values in: a = ? AND b = ?");
        assertThatThrownBy(() -> Clause.in("a", List.of())).hasMessageContaining("no values for a IN");
    }
}
