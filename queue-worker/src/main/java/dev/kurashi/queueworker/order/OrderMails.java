package dev.kurashi.queueworker.order;

import dev.kurashi.order.OrderNumber;
import dev.kurashi.order.OrderView;
import dev.kurashi.queueworker.mail.MailText;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The order mails, rendered from the Qute templates in {@code templates/mail/}. */
@ApplicationScoped
public class OrderMails {

    /** A rendered mail. */
    public record Rendered(String subject, String text) {}

    @TemplateData
    public record Line(String name, String unitPrice, int quantity, String lineTotal, String mark) {}

    @TemplateData
    public record Tax(int rate, String taxable, String tax) {}

    @TemplateData
    public record Confirmation(
            String salutation,
            String orderNumber,
            String placedAt,
            List<Line> lines,
            String subtotal,
            String shipping,
            String total,
            List<Tax> taxes,
            Konbini konbini,
            boolean reduced) {}

    /** How to pay a konbini order: the number, the deadline and the provider's voucher page (if any). */
    @TemplateData
    public record Konbini(String paymentNumber, String payBy, String voucherUrl) {}

    @TemplateData
    public record Payment(String salutation, String orderNumber, String total) {}

    @TemplateData
    public record Cancellation(String salutation, String orderNumber, String placedAt, String total, String reason) {}

    private final Template placed;
    private final Template cancelled;
    private final Template paid;

    OrderMails(
            @Location("mail/order-placed.txt") Template placed,
            @Location("mail/order-cancelled.txt") Template cancelled,
            @Location("mail/order-paid.txt") Template paid) {
        this.placed = placed;
        this.cancelled = cancelled;
        this.paid = paid;
    }

    /** 入金確認: the konbini payment of an order arrived. */
    public Rendered paid(OrderView order, String salutation) {
        String number = OrderNumber.of(order.id());
        return new Rendered(
                "【Kurashi】お支払いを確認しました（ご注文番号 " + number + "）",
                paid.data("m", new Payment(salutation, number, MailText.yen(order.totalJpy())))
                        .render());
    }

    /** 注文確認: lines, totals and the per-rate breakdown of the qualified invoice (適格請求書). */
    public Rendered confirmation(OrderView order, String salutation) {
        Confirmation model = new Confirmation(
                salutation,
                OrderNumber.of(order.id()),
                MailText.japanTime(order.placedAt()),
                order.lines().stream()
                        .map(l -> new Line(
                                l.name(),
                                MailText.yen(l.unitPriceJpy()),
                                l.quantity(),
                                MailText.yen(l.lineTotalJpy()),
                                // 適格請求書: items at the reduced rate are marked
                                l.taxRate() == 8 ? " ※" : ""))
                        .toList(),
                MailText.yen(order.subtotalJpy()),
                MailText.yen(order.shippingJpy()),
                MailText.yen(order.totalJpy()),
                order.taxBreakdown().stream()
                        .map(t -> new Tax(t.rate(), MailText.yen(t.taxableJpy()), MailText.yen(t.taxJpy())))
                        .toList(),
                order.konbini() == null
                        ? null
                        : new Konbini(
                                order.konbini().paymentNumber(),
                                order.konbini().payBy() == null
                                        ? null
                                        : MailText.japanTime(order.konbini().payBy()),
                                order.konbini().voucherUrl()),
                // the ※ footnote only explains a mark that is there
                order.lines().stream().anyMatch(l -> l.taxRate() == 8));
        return new Rendered(
                "【Kurashi】ご注文ありがとうございます（ご注文番号 " + model.orderNumber() + "）",
                placed.data("m", model).render());
    }

    public Rendered cancellation(OrderView order, String salutation, String reason) {
        Cancellation model = new Cancellation(
                salutation,
                OrderNumber.of(order.id()),
                MailText.japanTime(order.placedAt()),
                MailText.yen(order.totalJpy()),
                reasonText(reason));
        return new Rendered(
                "【Kurashi】ご注文キャンセルのお知らせ（ご注文番号 " + model.orderNumber() + "）",
                cancelled.data("m", model).render());
    }

    /** The cancellation reasons the platform writes, in words; anything else is shown as is. */
    static String reasonText(String reason) {
        if (reason == null || reason.isBlank()) {
            return "ご注文がキャンセルされました。";
        }
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("deadline") || r.contains("expired") || r.contains("unpaid") || r.contains("payment_failed")) {
            return "お支払い期限までにコンビニでのお支払いが確認できなかったため、ご注文をキャンセルいたしました。";
        }
        if (r.contains("customer")) {
            return "お客様のご依頼により、ご注文をキャンセルいたしました。";
        }
        return reason;
    }
}
