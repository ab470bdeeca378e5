package org.faultline.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The conditions of a WHERE clause, each a {@link Clause} with its own parameters; read as a whole
 * ({@link #clause()}, with the keyword) or as one condition to put inside another query ({@link #condition()}).
 * Not thread-safe: built by one query and read by it.
 */
public final class Where {
    private final List<Clause> conditions = new ArrayList<>();

    public Where add(Clause condition) {
        conditions.add(condition);
        return this;
    }

    public Where add(String condition, Object... params) {
        return add(Clause.of(condition, params));
    }

    /** {@code column IN (?, ...)} for the values; no condition when there are none. */
    public Where in(String column, Collection<?> values) {
        return values.isEmpty() ? this : add(Clause.in(column, values));
    }

    /** The conditions joined by AND, without the keyword (empty when there are none). */
    public Clause condition() {
        return Clause.and(conditions);
    }

    /** {@code " WHERE "} and the conditions, or nothing when there are none. */
    public Clause clause() {
        return conditions.isEmpty() ? Clause.EMPTY : condition().wrap(" WHERE ", "");
    }
}
