package dev.kurashi.order;

import dev.kurashi.inventory.StockReservation;
import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Cancels unpaid konbini orders past their payment deadline (the batch-worker's konbini-expiry job). Each order
 * is its own transaction: the conditional status change, the stock returned and the {@link OrderCancelled} event
 * commit together, and an order paid meanwhile is left alone, so the job may run twice or on two nodes.
 */
@ApplicationScoped
public class OrderCancellationService {

    /** Why {@link OrderCancelled} was written, for the mail template. */
    public static final String KONBINI_EXPIRED = "KONBINI_PAYMENT_EXPIRED";

    private final OrderRepository orders;
    private final StockReservation stock;
    private final Outbox outbox;

    public OrderCancellationService(OrderRepository orders, StockReservation stock, Outbox outbox) {
        this.orders = orders;
        this.stock = stock;
        this.outbox = outbox;
    }

    /** Cancels every konbini order whose deadline passed before {@code now}; returns how many this call did. */
    @WithSpan
    public int cancelExpiredKonbini(Instant now, int batchSize) {
        int cancelled = 0;
        Set<UUID> seen = new HashSet<>();
        while (true) {
            List<UUID> batch =
                    QuarkusTransaction.requiringNew().call(() -> orders.listExpiredKonbiniIds(now, batchSize));
            batch = batch.stream().filter(seen::add).toList();
            if (batch.isEmpty()) {
                return cancelled;
            }
            for (UUID id : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> cancelExpired(id, now))) {
                    cancelled++;
                }
            }
        }
    }

    /**
     * Cancels one order if it is still unpaid: returns its stock and writes {@link OrderCancelled}. Returns false
     * when the order was paid or cancelled before (nothing changes).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public boolean cancelExpired(UUID id, Instant now) {
        return cancelUnpaid(id, now, KONBINI_EXPIRED);
    }

    /** Cancels one order if it is still unpaid, for {@code reason}; see {@link #cancelExpired(UUID, Instant)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public boolean cancelUnpaid(UUID id, Instant now, String reason) {
        if (orders.cancelIfPending(id, now) == 0) {
            return false;
        }
        Order order = orders.findById(id);
        stock.returnAll(order.lines.stream()
                .map(l -> new StockReservation.Item(l.skuId, l.skuCode, l.quantity))
                .toList());
        outbox.append(new OrderCancelled(order.id, order.customerId, reason));
        return true;
    }
}
