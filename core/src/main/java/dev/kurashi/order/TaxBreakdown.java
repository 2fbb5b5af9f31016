package dev.kurashi.order;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-rate summary of a qualified invoice (適格請求書). Amounts are tax-included, so for each rate the
 * tax contained is {@code floor(taxable × rate / (100 + rate))}, rounded once per rate over the sum of
 * that rate's lines, never per line (the invoice rules allow one rounding per rate and invoice). Shipping
 * is taxed at the standard rate (10 %) and added to that rate's taxable amount.
 */
public final class TaxBreakdown {

    public static final short SHIPPING_RATE = 10;

    /** One rate of the breakdown. */
    public record Rate(short rate, int taxableJpy, int taxJpy) {}

    /** A line's rate and tax-included total. */
    public record Amount(short rate, int amountJpy) {}

    private TaxBreakdown() {}

    /** The breakdown, highest rate first; a rate appears only when something is taxed at it. */
    public static List<Rate> of(List<Amount> lines, int shippingJpy) {
        Map<Short, Long> taxable = new TreeMap<>((a, b) -> Short.compare(b, a));
        for (Amount line : lines) {
            taxable.merge(line.rate(), (long) line.amountJpy(), Long::sum);
        }
        if (shippingJpy > 0) {
            taxable.merge(SHIPPING_RATE, (long) shippingJpy, Long::sum);
        }
        return taxable.entrySet().stream()
                .map(e -> new Rate(e.getKey(), Math.toIntExact(e.getValue()), taxIncluded(e.getValue(), e.getKey())))
                .toList();
    }

    /** The tax contained in a tax-included amount, rounded down to the yen. */
    static int taxIncluded(long amountJpy, short rate) {
        return Math.toIntExact(Math.floorDiv(amountJpy * rate, 100 + rate));
    }
}
