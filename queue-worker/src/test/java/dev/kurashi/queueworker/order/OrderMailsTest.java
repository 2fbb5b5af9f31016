package dev.kurashi.queueworker.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.order.OrderView;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order mails read like マイページ: the short order number, and the 8 % footnote only under an 8 % line. */
@QuarkusTest
class OrderMailsTest {

    private static final String ID = "01a23c84-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    @Inject
    OrderMails mails;

    private static OrderView order(int taxRate) {
        return new OrderView(
                ID,
                "PLACED",
                List.of(new OrderView.Line("MUG-MILK", "mug-milk", "マグカップ ミルク", 1, 1980, 1980, taxRate)),
                1980,
                550,
                2530,
                List.of(new OrderView.Tax(taxRate, 2530, taxRate == 8 ? 187 : 230)),
                Instant.parse("2026-12-01T03:00:00Z"),
                null);
    }

    @Test
    void theConfirmationCarriesTheShortOrderNumber() {
        OrderMails.Rendered mail = mails.confirmation(order(10), "山田 花子 様");
        assertThat(mail.subject()).contains("K-01A23C84").doesNotContain(ID);
        assertThat(mail.text()).contains("ご注文番号：K-01A23C84").doesNotContain(ID);
        OrderMails.Rendered cancelled = mails.cancellation(order(10), "山田 花子 様", "customer");
        assertThat(cancelled.text()).contains("ご注文番号：K-01A23C84");
    }

    @Test
    void theReducedRateFootnoteOnlyWithAnEightPercentLine() {
        assertThat(mails.confirmation(order(10), "山田 花子 様").text())
                .doesNotContain("軽減税率")
                .doesNotContain("※");
        assertThat(mails.confirmation(order(8), "山田 花子 様").text())
                .contains("マグカップ ミルク ※")
                .contains("※は軽減税率（8%）対象商品です。");
    }
}
