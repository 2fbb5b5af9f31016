package dev.kurashi.shop.web;

import dev.kurashi.order.OrderNumber;
import dev.kurashi.order.OrderView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An order as the order pages show it: Japanese dates and statuses, and the invoice's tax summary. */
@ApplicationScoped
public class OrderPresenter {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

    public record Order(
            String id,
            String number,
            String status,
            String statusLabel,
            String placedAt,
            List<PageLine> lines,
            int itemCount,
            int subtotalJpy,
            int shippingJpy,
            int totalJpy,
            List<Tax> taxes,
            boolean anyReduced,
            String konbiniNumber,
            String konbiniPayBy,
            String konbiniVoucherUrl) {

        public boolean pendingPayment() {
            return "PENDING_PAYMENT".equals(status);
        }
    }

    /** One rate of the qualified invoice's summary: 10%対象 ¥X（内消費税 ¥Y）. */
    public record Tax(int rate, int taxableJpy, int taxJpy) {}

    Order present(OrderView order) {
        List<PageLine> lines = order.lines().stream()
                .map(l -> new PageLine(
                        l.sku(),
                        l.productSlug(),
                        l.name(),
                        l.quantity(),
                        l.unitPriceJpy(),
                        l.lineTotalJpy(),
                        l.taxRate() == 8))
                .toList();
        List<Tax> taxes = order.taxBreakdown().stream()
                .map(t -> new Tax(t.rate(), t.taxableJpy(), t.taxJpy()))
                .toList();
        return new Order(
                order.id(),
                number(order.id()),
                order.status(),
                statusLabel(order.status()),
                dateTime(order.placedAt()),
                lines,
                lines.stream().mapToInt(PageLine::quantity).sum(),
                order.subtotalJpy(),
                order.shippingJpy(),
                order.totalJpy(),
                taxes,
                lines.stream().anyMatch(PageLine::reducedRate) || taxes.stream().anyMatch(t -> t.rate() == 8),
                order.konbini() == null ? null : order.konbini().paymentNumber(),
                order.konbini() == null ? null : dateTime(order.konbini().payBy()),
                order.konbini() == null
                                || order.konbini().voucherUrl() == null
                                || !order.konbini().voucherUrl().startsWith("https://")
                        ? null
                        : order.konbini().voucherUrl());
    }

    /** The short order number people read out on the phone (the mails use the same). */
    static String number(String id) {
        return OrderNumber.of(id);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(TOKYO));
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "PENDING_PAYMENT" -> "お支払い待ち";
            case "PAID" -> "ご注文確定";
            case "SHIPPED" -> "発送済み";
            case "CANCELLED" -> "キャンセル";
            default -> status;
        };
    }
}
