package dev.kurashi.inventory;

import dev.kurashi.common.DomainException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Takes stock for an order and returns it on cancellation. Stock only ever changes by conditional UPDATE
 * ({@link StockRepository#tryDecrement}); the {@code stock_on_hand_ck} constraint backs that up.
 */
@ApplicationScoped
public class StockReservation {

    /** {@code quantity} units of one SKU; {@code sku} is its code, for the problem a shortage answers. */
    public record Item(long skuId, String sku, int quantity) {}

    /** Ascending SKU id: every transaction locks stock rows in the same order, so none deadlock. */
    private static final Comparator<Item> LOCK_ORDER = Comparator.comparingLong(Item::skuId);

    private final StockRepository stock;

    public StockReservation(StockRepository stock) {
        this.stock = stock;
    }

    /**
     * Fails fast, without locking anything, when a plain read already shows a shortage. A pass proves
     * nothing under concurrency; {@link #takeAll} decides.
     */
    @Transactional
    @WithSpan
    public void requireAvailable(Collection<Item> items) {
        Map<Long, Integer> onHand = stock.onHand(items.stream().map(Item::skuId).toList());
        List<StockShortage> shortages = new ArrayList<>();
        for (Item item : sorted(items)) {
            int available = onHand.getOrDefault(item.skuId(), 0);
            if (available < item.quantity()) {
                shortages.add(new StockShortage(item.sku(), item.quantity(), available));
            }
        }
        if (!shortages.isEmpty()) {
            throw unavailable(shortages);
        }
    }

    /**
     * Takes every item or throws a {@code CONFLICT} with {@code unavailable: [{sku, requested, available}]}.
     * Must run inside the caller's transaction: a throw marks it for rollback, so whatever was taken before
     * the shortage is given back with everything else the transaction did. Rows stay locked until commit,
     * so callers take stock as the last statements of their transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public void takeAll(Collection<Item> items) {
        List<Item> ordered = sorted(items);
        for (int i = 0; i < ordered.size(); i++) {
            Item item = ordered.get(i);
            if (stock.tryDecrement(item.skuId(), item.quantity()) == 0) {
                throw unavailable(shortagesFrom(ordered.subList(i, ordered.size())));
            }
        }
    }

    /** Gives stock back (an order cancelled before shipping). */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan
    public void returnAll(Collection<Item> items) {
        for (Item item : sorted(items)) {
            stock.increment(item.skuId(), item.quantity());
        }
    }

    /**
     * The shortages among the items not yet taken (the first of them just failed). Items taken before the
     * failure were available, so they are not reported. A plain read: the numbers are a snapshot for the
     * client, not a promise.
     */
    private List<StockShortage> shortagesFrom(List<Item> rest) {
        Map<Long, Integer> onHand = stock.onHand(rest.stream().map(Item::skuId).toList());
        List<StockShortage> shortages = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            Item item = rest.get(i);
            int available = onHand.getOrDefault(item.skuId(), 0);
            if (i == 0) {
                // its conditional UPDATE failed, whatever a later read says
                shortages.add(new StockShortage(item.sku(), item.quantity(), Math.min(available, item.quantity() - 1)));
            } else if (available < item.quantity()) {
                shortages.add(new StockShortage(item.sku(), item.quantity(), available));
            }
        }
        return shortages;
    }

    public static DomainException unavailable(List<StockShortage> shortages) {
        return new DomainException(
                DomainException.Kind.CONFLICT,
                "Not enough stock",
                "Some items are not available in the requested quantity",
                Map.of("unavailable", List.copyOf(shortages)));
    }

    private static List<Item> sorted(Collection<Item> items) {
        return items.stream().sorted(LOCK_ORDER).toList();
    }
}
