package dev.kurashi.inventory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class StockRepository implements PanacheRepositoryBase<Stock, Long> {

    /**
     * Takes {@code quantity} units if, and only if, that many are on hand, in one conditional UPDATE.
     * Returns the number of rows changed: 1 when taken, 0 when there was not enough stock (or no row).
     * The row stays locked until the transaction ends; callers taking several SKUs go in ascending SKU id
     * order so that two orders never deadlock.
     */
    public int tryDecrement(long skuId, int quantity) {
        requirePositive(quantity);
        return update(
                "onHand = onHand - ?1, updatedAt = current_timestamp where skuId = ?2 and onHand >= ?1",
                quantity,
                skuId);
    }

    /** Returns {@code quantity} units (cancellation, restock). Returns the number of rows changed. */
    public int increment(long skuId, int quantity) {
        requirePositive(quantity);
        return update("onHand = onHand + ?1, updatedAt = current_timestamp where skuId = ?2", quantity, skuId);
    }

    /** Sets the on-hand quantity (staff stock-take). Returns the number of rows changed. */
    public int setOnHand(long skuId, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("stock cannot be negative: " + quantity);
        }
        return update("onHand = ?1, updatedAt = current_timestamp where skuId = ?2", quantity, skuId);
    }

    /**
     * The stock row locked for update, for a caller that must know the value before and after a change
     * (a change from 0 to more than 0 triggers restock notifications).
     */
    public Optional<Stock> findByIdForUpdate(long skuId) {
        return findByIdOptional(skuId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** On-hand quantities by SKU id; SKUs without a stock row are absent (treat as 0). */
    public Map<Long, Integer> onHand(Collection<Long> skuIds) {
        Map<Long, Integer> result = new HashMap<>();
        if (skuIds.isEmpty()) {
            return result;
        }
        for (Stock stock : list("skuId in ?1", skuIds)) {
            result.put(stock.skuId, stock.onHand);
        }
        return result;
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
