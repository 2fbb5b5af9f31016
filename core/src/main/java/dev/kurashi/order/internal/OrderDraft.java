package dev.kurashi.order.internal;

import dev.kurashi.cart.CartContents;
import dev.kurashi.cart.CartLineRow;
import dev.kurashi.inventory.StockReservation;
import dev.kurashi.inventory.StockShortage;
import dev.kurashi.order.Order;
import dev.kurashi.order.OrderLine;
import dev.kurashi.order.OrderStatus;
import dev.kurashi.order.PlaceOrderCommand;
import dev.kurashi.order.ShippingAddress;
import dev.kurashi.order.TaxBreakdown;
import dev.kurashi.order.payment.PaymentResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of placing an order that need no database: which stock to take (refusing lines that can no
 * longer be bought), and the new order itself, with its lines, its tax lines per rate and its first status
 * (paid for an authorized card, pending payment until the deadline for a konbini slip). {@link OrderPlacement}
 * does the rest in its transaction.
 */
final class OrderDraft {

    private OrderDraft() {}

    /** The SKUs and quantities to take; a line whose SKU is hidden or product withdrawn fails the whole order. */
    static List<StockReservation.Item> stockItems(CartContents contents) {
        List<StockReservation.Item> items = new ArrayList<>();
        List<StockShortage> withdrawn = new ArrayList<>();
        for (CartLineRow line : contents.lines()) {
            if (!line.purchasable()) {
                withdrawn.add(new StockShortage(line.sku(), line.quantity(), 0));
            }
            items.add(new StockReservation.Item(line.skuId(), line.sku(), line.quantity()));
        }
        if (!withdrawn.isEmpty()) {
            throw StockReservation.unavailable(withdrawn);
        }
        return items;
    }

    /** The order to persist, not yet persisted. */
    static Order build(long customerId, PlaceOrderCommand command, CartContents contents, PaymentResult payment) {
        Order order = new Order();
        order.customerId = customerId;
        order.paymentMethod = command.paymentMethod();
        order.paymentId = payment.paymentId();
        order.konbiniPaymentNumber = payment.konbiniPaymentNumber();
        order.konbiniVoucherUrl = payment.konbiniVoucherUrl();
        if (payment.outcome() == PaymentResult.Outcome.PENDING) {
            order.status = OrderStatus.PENDING_PAYMENT;
            order.paymentDeadline = payment.payBy();
        } else {
            order.status = OrderStatus.PAID;
        }
        order.subtotalJpy = contents.subtotalJpy();
        order.shippingJpy = contents.shippingJpy();
        order.totalJpy = contents.totalJpy();
        order.shippingAddress = address(command.shippingAddress());
        List<TaxBreakdown.Amount> amounts = new ArrayList<>();
        for (CartLineRow row : contents.lines()) {
            OrderLine line = new OrderLine();
            line.skuId = row.skuId();
            line.skuCode = row.sku();
            line.productSlug = row.productSlug();
            line.productName = row.productName();
            line.skuLabel = row.label();
            line.quantity = row.quantity();
            line.unitPriceJpy = row.unitPriceJpy();
            line.taxRate = row.taxRate();
            line.lineTotalJpy = row.lineTotalJpy();
            order.addLine(line);
            amounts.add(new TaxBreakdown.Amount(row.taxRate(), row.lineTotalJpy()));
        }
        for (TaxBreakdown.Rate rate : TaxBreakdown.of(amounts, contents.shippingJpy())) {
            order.addTaxLine(rate.rate(), rate.taxableJpy(), rate.taxJpy());
        }
        return order;
    }

    private static ShippingAddress address(PlaceOrderCommand.Address input) {
        ShippingAddress address = new ShippingAddress();
        address.name = input.name().strip();
        address.postalCode = input.postalCode();
        address.prefecture = input.prefecture();
        address.city = input.city().strip();
        address.line1 = input.line1().strip();
        address.line2 = input.line2() == null || input.line2().isBlank()
                ? null
                : input.line2().strip();
        address.phone = input.phone();
        return address;
    }
}
