package be.serv.advies.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure's change on the previous school year: the previous count and the change in whole
 * percent, (this − previous) / previous rounded half away from zero, as the seed writes "−26%".
 * Both are null when the previous year is not known for this figure.
 */
public record Change(Integer previous, Integer percent) {
    public static final Change UNKNOWN = new Change(null, null);

    public static Change of(int now, Integer previous) {
        if (previous == null) return UNKNOWN;
        return new Change(previous, previous == 0 ? null : percent(now, previous));
    }

    static int percent(int now, int previous) {
        return BigDecimal.valueOf((long) (now - previous) * 100)
                .divide(BigDecimal.valueOf(previous), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /** Share of {@code part} in {@code whole}, in percent with one decimal (83,1 – 3,2); 0 for an empty whole. */
    static double share(int part, int whole) {
        if (whole == 0) return 0;
        return BigDecimal.valueOf((long) part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
