package dev.kurashi.cart;

import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Abandoned-cart reminders (the batch-worker's cart-reminder job): a cart with items, unchanged for
 * {@code idle} and not reminded since its last change, gets one {@link CartAbandoned} event. Marking the cart
 * and writing the event share one transaction, and the mark is conditional on the change the job saw, so a
 * second run (or node) writes nothing and a cart changed meanwhile is not reminded for its old contents.
 */
@ApplicationScoped
public class CartReminderService {

    private final CartRepository carts;
    private final Outbox outbox;

    public CartReminderService(CartRepository carts, Outbox outbox) {
        this.carts = carts;
        this.outbox = outbox;
    }

    /** Reminds every abandoned cart; returns how many this call reminded. */
    @WithSpan
    public int remindAbandoned(Instant now, Duration idle, int batchSize) {
        int reminded = 0;
        while (true) {
            List<Cart> batch =
                    QuarkusTransaction.requiringNew().call(() -> carts.listAbandoned(now.minus(idle), batchSize));
            int remindedInBatch = 0;
            for (Cart cart : batch) {
                if (QuarkusTransaction.requiringNew()
                        .call(() -> remind(cart.id, cart.customerId, cart.updatedAt, now))) {
                    remindedInBatch++;
                }
            }
            reminded += remindedInBatch;
            // a batch where nothing could be marked would come back unchanged
            if (batch.size() < batchSize || remindedInBatch == 0) {
                return reminded;
            }
        }
    }

    /** Marks one cart reminded and writes its event, unless it changed since {@code seenUpdatedAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public boolean remind(long cartId, long customerId, Instant seenUpdatedAt, Instant now) {
        if (carts.markReminded(cartId, seenUpdatedAt, now) == 0) {
            return false;
        }
        outbox.append(new CartAbandoned(cartId, customerId, seenUpdatedAt));
        return true;
    }
}
