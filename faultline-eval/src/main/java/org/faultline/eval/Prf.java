package org.faultline.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Precision, recall and F1 at one level, each rounded to four decimals as the reference scorer rounds
 * them (the nearest decimal to the exact binary value, ties to even, like Python's {@code round}).
 *
 * @param precision right predictions / predictions (0 when there are none)
 * @param recall    gold items found / gold items (0 when there are none)
 * @param f1        harmonic mean of the unrounded precision and recall, then rounded
 * @param predicted predictions counted
 * @param gold      gold items counted
 */
public record Prf(double precision, double recall, double f1, int predicted, int gold) {
    public Prf {
        checkUnit("precision", precision);
        checkUnit("recall", recall);
        checkUnit("f1", f1);
        if (predicted < 0 || gold < 0) {
            throw new IllegalArgumentException("counts must be >= 0: predicted " + predicted + ", gold " + gold);
        }
    }

    /**
     * Split counting: recall counts gold items found, precision counts predictions that are right, so one
     * prediction may find two gold items and two predictions may find the same one.
     *
     * @throws IllegalArgumentException when a count is negative or a hit count exceeds its total
     */
    public static Prf split(int goldFound, int predictedRight, int predicted, int gold) {
        if (goldFound < 0 || goldFound > gold || predictedRight < 0 || predictedRight > predicted) {
            throw new IllegalArgumentException("inconsistent counts: found " + goldFound + " of " + gold
                    + " gold, " + predictedRight + " of " + predicted + " predictions right");
        }
        double p = predicted == 0 ? 0.0 : (double) predictedRight / predicted;
        double r = gold == 0 ? 0.0 : (double) goldFound / gold;
        double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
        return new Prf(round(p, 4), round(r, 4), round(f, 4), predicted, gold);
    }

    /** Python's {@code round(x, digits)} for finite doubles. */
    static double round(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code format(x, ".Nf")}: the exact binary value rounded half-even. */
    static String fixed(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void checkUnit(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " " + v + " is not in [0, 1]");
        }
    }
}
