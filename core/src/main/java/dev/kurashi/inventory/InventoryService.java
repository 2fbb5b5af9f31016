package dev.kurashi.inventory;

import dev.kurashi.outbox.Outbox;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * Staff-side stock: stock-takes and the stock rows of new SKUs. Taking stock for orders is
 * {@code StockReservation}'s job. Inventory knows SKUs by id only (the catalog owns them), so callers pass the
 * SKU code and product slug the events carry.
 */
@ApplicationScoped
public class InventoryService {

    private final StockRepository stock;
    private final Outbox outbox;
    private final Clock clock;

    public InventoryService(StockRepository stock, Outbox outbox) {
        this.stock = stock;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    /** On-hand quantities by SKU id, in one query; SKUs without a stock row count as 0. */
    @Transactional
    @WithSpan
    public Map<Long, Integer> onHand(Collection<Long> skuIds) {
        return stock.onHand(skuIds);
    }

    /** Gives a new SKU its stock row (0 on hand) unless it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensureStockRow(long skuId) {
        stock.getEntityManager()
                .createNativeQuery("INSERT INTO stock (sku_id, on_hand) VALUES (?1, 0) ON CONFLICT (sku_id) DO NOTHING")
                .setParameter(1, skuId)
                .executeUpdate();
    }

    /**
     * Sets the on-hand stock of a SKU (staff stock-take). The stock row is locked (SELECT ... FOR UPDATE) before
     * it is read, so among concurrent stock-takes exactly one sees the 0 and writes {@link StockReplenished}.
     * Runs in the caller's transaction, which must also write whatever the caller's events are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public StockChange setOnHand(long skuId, String skuCode, String productSlug, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("stock cannot be negative: " + quantity);
        }
        ensureStockRow(skuId);
        int before = stock.findByIdForUpdate(skuId).orElseThrow().onHand;
        stock.setOnHand(skuId, quantity);
        if (before == 0 && quantity > 0) {
            // The restock id tells notification consumers one restock from the next; the row lock orders them.
            outbox.append(new StockReplenished(skuCode, productSlug, quantity, clock.millis()));
        }
        return new StockChange(before, quantity);
    }

    /** A stock-take's before and after. */
    public record StockChange(int before, int after) {

        /** Whether the SKU went from sold out to available or back. */
        public boolean availabilityChanged() {
            return (before > 0) != (after > 0);
        }
    }
}
