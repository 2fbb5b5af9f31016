package dev.kurashi.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class FavoriteRepository implements PanacheRepositoryBase<Favorite, Favorite.Key> {

    /** Idempotent "add favorite": returns 1 when added, 0 when it already was a favorite. */
    public int insertIfAbsent(long customerId, long productId) {
        return getEntityManager()
                .createNativeQuery(
                        "INSERT INTO favorites (customer_id, product_id) VALUES (?1, ?2)" + " ON CONFLICT DO NOTHING")
                .setParameter(1, customerId)
                .setParameter(2, productId)
                .executeUpdate();
    }

    public boolean remove(long customerId, long productId) {
        return delete("customerId = ?1 and productId = ?2", customerId, productId) > 0;
    }

    /** A customer's favorites, newest first, keyset-paged on (createdAt, productId). */
    public List<Favorite> listByCustomer(long customerId, Instant before, long beforeProductId, int limit) {
        return find(
                        "customerId = ?1 and (createdAt < ?2 or (createdAt = ?2 and productId < ?3))"
                                + " order by createdAt desc, productId desc",
                        customerId,
                        before,
                        beforeProductId)
                .page(0, limit)
                .list();
    }

    /** Customers who favorited a product (restock notifications). */
    public List<Long> listCustomerIdsByProduct(long productId) {
        return getEntityManager()
                .createQuery("select f.customerId from Favorite f where f.productId = ?1", Long.class)
                .setParameter(1, productId)
                .getResultList();
    }
}
