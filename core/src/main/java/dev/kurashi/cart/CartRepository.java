package dev.kurashi.cart;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CartRepository implements PanacheRepository<Cart> {

    /** The customer's cart with its items. */
    public Optional<Cart> findByCustomerId(long customerId) {
        // singleResult, not firstResult: a row limit with a collection fetch would be applied in memory
        return find("select c from Cart c left join fetch c.items where c.customerId = ?1", customerId)
                .singleResultOptional();
    }

    /** Creates the customer's cart if missing, safely under concurrent requests. */
    public void insertIfAbsent(long customerId) {
        getEntityManager()
                .createNativeQuery("INSERT INTO carts (customer_id) VALUES (?1) ON CONFLICT (customer_id) DO NOTHING")
                .setParameter(1, customerId)
                .executeUpdate();
    }

    /** Carts with items, unchanged since {@code cutoff} and not yet reminded, oldest first. */
    public List<Cart> listAbandoned(Instant cutoff, int limit) {
        return find(
                        "select c from Cart c where c.remindedAt is null and c.updatedAt < ?1"
                                + " and exists (select 1 from CartItem i where i.cart = c) order by c.updatedAt",
                        cutoff)
                .page(0, limit)
                .list();
    }

    /** Marks a cart reminded unless it changed meanwhile; returns 1 when marked. */
    public int markReminded(long cartId, Instant seenUpdatedAt, Instant remindedAt) {
        return update(
                "remindedAt = ?1 where id = ?2 and updatedAt = ?3 and remindedAt is null",
                remindedAt,
                cartId,
                seenUpdatedAt);
    }
}
