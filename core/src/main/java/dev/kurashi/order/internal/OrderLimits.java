package dev.kurashi.order.internal;

import dev.kurashi.cart.CartContents;
import dev.kurashi.cart.CartLineRow;
import dev.kurashi.common.DomainException;
import dev.kurashi.order.OrderLimitsConfig;
import dev.kurashi.order.OrderRepository;
import dev.kurashi.order.PaymentMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Checks an order against {@link OrderLimitsConfig} inside the checkout's transaction. A konbini checkout first
 * locks the customer's row, so two concurrent checkouts of one customer cannot both pass the count.
 * Too large an amount is 422 (the order can never be placed as it is); too many unpaid orders or units is 409
 * (it can be placed once earlier orders are paid or cancelled). Each problem names its {@code limit}.
 */
@ApplicationScoped
public class OrderLimits {

    private final OrderLimitsConfig config;
    private final OrderRepository orders;

    public OrderLimits(OrderLimitsConfig config, OrderRepository orders) {
        this.config = config;
        this.orders = orders;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void check(long customerId, PaymentMethod method, CartContents contents) {
        long total = contents.totalJpy();
        if (total > config.maxOrderAmountJpy()) {
            throw tooMuch("max-order-amount", config.maxOrderAmountJpy());
        }
        if (method != PaymentMethod.KONBINI) {
            return;
        }
        if (total > config.maxKonbiniAmountJpy()) {
            throw tooMuch("max-konbini-amount", config.maxKonbiniAmountJpy());
        }
        orders.lockCustomer(customerId);
        OrderRepository.PendingKonbini pending = orders.pendingKonbini(customerId);
        if (pending.orders() + 1 > config.maxPendingKonbiniOrders()) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "Too many unpaid orders",
                    "At most " + config.maxPendingKonbiniOrders()
                            + " konbini orders may wait for payment at once; pay or cancel one first",
                    Map.of("limit", "max-pending-konbini-orders", "max", config.maxPendingKonbiniOrders()));
        }
        long units = pending.units();
        for (CartLineRow line : contents.lines()) {
            units += line.quantity();
        }
        if (units > config.maxPendingKonbiniUnits()) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "Too many unpaid items",
                    "At most " + config.maxPendingKonbiniUnits()
                            + " items may wait for konbini payment at once; pay earlier orders or pay by card",
                    Map.of("limit", "max-pending-konbini-units", "max", config.maxPendingKonbiniUnits()));
        }
    }

    private static DomainException tooMuch(String limit, long max) {
        return new DomainException(
                DomainException.Kind.UNPROCESSABLE,
                "Order amount over the limit",
                "An order of this kind may total at most ¥" + String.format("%,d", max),
                Map.of("limit", limit, "maxJpy", max));
    }
}
