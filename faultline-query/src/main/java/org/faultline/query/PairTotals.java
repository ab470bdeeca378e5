package org.faultline.query;

import java.util.List;

/**
 * Directed pair totals and how many pairs passed the threshold before the limit.
 *
 * @param rows  the pairs returned, sorted by source then target
 * @param pairs the pairs with enough realised events, returned or not
 */
public record PairTotals(List<PairTotal> rows, long pairs) {
    public PairTotals {
        rows = List.copyOf(rows);
    }
}
