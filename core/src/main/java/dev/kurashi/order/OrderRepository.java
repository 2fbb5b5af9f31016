package dev.kurashi.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** One of the customer's orders with its lines; another customer's order is simply absent. */
    public Optional<Order> findByIdAndCustomer(UUID id, long customerId) {
        return find(
                        "select o from Order o left join fetch o.lines where o.id = ?1 and o.customerId = ?2",
                        id,
                        customerId)
                .singleResultOptional();
    }

    /** The customer's orders, newest first, keyset-paged on (placedAt, id); pass null for the first page. */
    public List<Order> listByCustomer(long customerId, Instant beforePlacedAt, UUID beforeId, int limit) {
        if (beforePlacedAt == null) {
            return find("customerId = ?1 order by placedAt desc, id desc", customerId)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "customerId = ?1 and (placedAt < ?2 or (placedAt = ?2 and id < ?3))"
                                + " order by placedAt desc, id desc",
                        customerId,
                        beforePlacedAt,
                        beforeId)
                .page(0, limit)
                .list();
    }

    /** Unpaid konbini orders whose deadline has passed, oldest deadline first. */
    public List<UUID> listExpiredKonbiniIds(Instant now, int limit) {
        return getEntityManager()
                .createQuery(
                        "select o.id from Order o where o.status = ?1 and o.paymentMethod = ?2"
                                + " and o.paymentDeadline < ?3 order by o.paymentDeadline",
                        UUID.class)
                .setParameter(1, OrderStatus.PENDING_PAYMENT)
                .setParameter(2, PaymentMethod.KONBINI)
                .setParameter(3, now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Cancels an order only if it is still unpaid; returns 1 when this caller cancelled it. */
    public int cancelIfPending(UUID id, Instant now) {
        return update(
                "status = ?1, cancelledAt = ?2 where id = ?3 and status = ?4",
                OrderStatus.CANCELLED,
                now,
                id,
                OrderStatus.PENDING_PAYMENT);
    }

    /** Marks an order paid only if it is still unpaid; returns 1 when this caller did. */
    public int markPaidIfPending(UUID id) {
        return update("status = ?1 where id = ?2 and status = ?3", OrderStatus.PAID, id, OrderStatus.PENDING_PAYMENT);
    }

    /** Whether any order ever contained the SKU (such a SKU is hidden, never deleted). */
    public boolean hasBeenOrdered(long skuId) {
        return !getEntityManager()
                .createQuery("select 1 from OrderLine l where l.skuId = ?1", Integer.class)
                .setParameter(1, skuId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * Fills the lines and tax lines of orders already in the session, in two queries whatever their number
     * (two bags cannot be fetched in one).
     */
    public void fetchLinesAndTaxLines(List<Order> loaded) {
        find("select distinct o from Order o left join fetch o.lines where o in ?1", loaded)
                .list();
        find("select distinct o from Order o left join fetch o.taxLines where o in ?1", loaded)
                .list();
    }

    /** A customer's unpaid konbini orders and the units in them. */
    public record PendingKonbini(long orders, long units) {}

    public PendingKonbini pendingKonbini(long customerId) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(DISTINCT o.id), coalesce(sum(l.quantity), 0) FROM orders o"
                        + " JOIN order_lines l ON l.order_id = o.id"
                        + " WHERE o.customer_id = ?1 AND o.status = 'PENDING_PAYMENT' AND o.payment_method = 'konbini'")
                .setParameter(1, customerId)
                .getSingleResult();
        return new PendingKonbini(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Serialises one customer's checkouts that count their open orders (the abuse limits). */
    public void lockCustomer(long customerId) {
        getEntityManager()
                .createNativeQuery("SELECT id FROM customers WHERE id = ?1 FOR UPDATE")
                .setParameter(1, customerId)
                .getResultList();
    }

    /** The order of a provider payment, if any. */
    public Optional<Order> findByPaymentId(String paymentId) {
        return find("paymentId", paymentId).firstResultOptional();
    }
}
