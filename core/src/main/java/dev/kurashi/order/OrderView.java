package dev.kurashi.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** An order as the API answers it; amounts are tax-included yen. */
public record OrderView(
        String id,
        String status,
        List<Line> lines,
        int subtotalJpy,
        int shippingJpy,
        int totalJpy,
        List<Tax> taxBreakdown,
        Instant placedAt,
        Konbini konbini) {

    /**
     * How to pay an unpaid konbini order at the store: the payment number, the deadline (after it the order is
     * cancelled) and the provider's voucher page with each chain's steps, when the provider has one. Null for
     * card orders.
     */
    public record Konbini(String paymentNumber, Instant payBy, String voucherUrl) {}

    /** A line as ordered; {@code taxRate} is the rate it was sold at (a qualified invoice marks 8% lines). */
    public record Line(
            String sku,
            String productSlug,
            String name,
            int quantity,
            int unitPriceJpy,
            int lineTotalJpy,
            int taxRate) {}

    public record Tax(int rate, int taxableJpy, int taxJpy) {}

    static OrderView of(Order order) {
        return new OrderView(
                order.id.toString(),
                order.status.name(),
                order.lines.stream()
                        .map(l -> new Line(
                                l.skuCode,
                                l.productSlug,
                                l.productName + "（" + l.skuLabel + "）",
                                l.quantity,
                                l.unitPriceJpy,
                                l.lineTotalJpy,
                                l.taxRate))
                        .toList(),
                order.subtotalJpy,
                order.shippingJpy,
                order.totalJpy,
                order.taxLines.stream()
                        .map(t -> new Tax(t.rate, t.taxableJpy, t.taxJpy))
                        .toList(),
                // PostgreSQL keeps microseconds: the answer of POST and of a later GET must be the same
                order.placedAt.truncatedTo(ChronoUnit.MICROS),
                order.paymentMethod == PaymentMethod.KONBINI
                        ? new Konbini(
                                order.konbiniPaymentNumber,
                                order.paymentDeadline == null
                                        ? null
                                        : order.paymentDeadline.truncatedTo(ChronoUnit.MICROS),
                                order.konbiniVoucherUrl)
                        : null);
    }
}
