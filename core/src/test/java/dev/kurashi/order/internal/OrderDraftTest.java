package dev.kurashi.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kurashi.cart.CartContents;
import dev.kurashi.cart.CartLineRow;
import dev.kurashi.common.DomainException;
import dev.kurashi.order.Order;
import dev.kurashi.order.OrderStatus;
import dev.kurashi.order.PaymentMethod;
import dev.kurashi.order.PlaceOrderCommand;
import dev.kurashi.order.payment.PaymentResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building an order from the cart and the payment's answer, without a database. */
class OrderDraftTest {

    private static final CartLineRow MUG = line(11, "MUG-W", 1980, (short) 10, 2, true);
    private static final CartLineRow TEA = line(12, "TEA-1", 1080, (short) 8, 1, true);

    private static CartLineRow line(long skuId, String sku, int price, short rate, int quantity, boolean buyable) {
        return new CartLineRow(skuId, sku, "白", price, !buyable, "p-" + sku, "品 " + sku, rate, true, quantity);
    }

    private static PlaceOrderCommand command(String method, String line2) {
        return new PlaceOrderCommand(
                new PlaceOrderCommand.Address(
                        "  山田 花子 ", "150-0001", "東京都", " 渋谷区 ", " 神宮前1-2-3 ", line2, "03-1234-5678"),
                new PlaceOrderCommand.Payment(method, "card".equals(method) ? "tok_visa" : null));
    }

    @Test
    void aCardOrderIsPaidWithItsLinesAndOneTaxLinePerRate() {
        CartContents cart = new CartContents(List.of(MUG, TEA), 2 * 1980 + 1080, 550);

        Order order = OrderDraft.build(7, command("card", "  "), cart, PaymentResult.approved("pi_1"));

        assertThat(order.status).isEqualTo(OrderStatus.PAID);
        assertThat(order.paymentMethod).isEqualTo(PaymentMethod.CARD);
        assertThat(order.paymentId).isEqualTo("pi_1");
        assertThat(order.paymentDeadline).isNull();
        assertThat(order.customerId).isEqualTo(7);
        assertThat(order.subtotalJpy).isEqualTo(5040);
        assertThat(order.shippingJpy).isEqualTo(550);
        assertThat(order.totalJpy).isEqualTo(5590);
        assertThat(order.lines)
                .extracting(l -> l.skuCode, l -> l.quantity, l -> l.lineTotalJpy, l -> (int) l.taxRate)
                .containsExactly(tuple("MUG-W", 2, 3960, 10), tuple("TEA-1", 1, 1080, 8));
        assertThat(order.lines).allMatch(l -> l.order == order);
        // shipping is taxed at 10 %, with the 10 % lines
        assertThat(order.taxLines)
                .extracting(t -> (int) t.rate, t -> t.taxableJpy)
                .containsExactlyInAnyOrder(tuple(10, 3960 + 550), tuple(8, 1080));
        assertThat(order.taxLines.stream().mapToInt(t -> t.taxJpy).sum()).isPositive();
        assertThat(order.taxLines).allMatch(t -> t.order == order);
        assertThat(order.shippingAddress.name).isEqualTo("山田 花子");
        assertThat(order.shippingAddress.city).isEqualTo("渋谷区");
        assertThat(order.shippingAddress.line2).isNull();
    }

    @Test
    void aKonbiniOrderWaitsForPaymentUntilTheSlipsDeadline() {
        Instant payBy = Instant.parse("2026-12-05T14:59:59Z");
        CartContents cart = new CartContents(List.of(TEA), 1080, 550);

        Order order = OrderDraft.build(
                7, command("konbini", "ハイツ101"), cart, PaymentResult.pending("pi_2", "123456", payBy, null));

        assertThat(order.status).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.paymentDeadline).isEqualTo(payBy);
        assertThat(order.konbiniPaymentNumber).isEqualTo("123456");
        assertThat(order.shippingAddress.line2).isEqualTo("ハイツ101");
        assertThat(order.taxLines).extracting(t -> (int) t.rate).containsExactlyInAnyOrder(10, 8);
    }

    @Test
    void theStockToTakeIsEveryLineAndAWithdrawnLineRefusesTheOrder() {
        assertThat(OrderDraft.stockItems(new CartContents(List.of(MUG, TEA), 5040, 550)))
                .extracting(i -> i.sku(), i -> i.quantity())
                .containsExactly(tuple("MUG-W", 2), tuple("TEA-1", 1));

        CartLineRow hidden = line(13, "GONE", 500, (short) 10, 1, false);
        assertThatThrownBy(() -> OrderDraft.stockItems(new CartContents(List.of(MUG, hidden), 4460, 550)))
                .isInstanceOf(DomainException.class);
    }
}
