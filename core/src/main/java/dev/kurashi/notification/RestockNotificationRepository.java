package dev.kurashi.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RestockNotificationRepository
        implements PanacheRepositoryBase<RestockNotification, RestockNotification.Key> {

    /** Adds the customer to the restock unless someone (any event) already did. */
    public void insertIfAbsent(long restockId, long customerId, UUID eventId) {
        getEntityManager()
                .createNativeQuery("INSERT INTO restock_notifications (restock_id, customer_id, event_id)"
                        + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, restockId)
                .setParameter(2, customerId)
                .setParameter(3, eventId)
                .executeUpdate();
    }

    /** The customers of the restock that this event owns. */
    public List<Long> listCustomerIds(long restockId, UUID eventId) {
        return getEntityManager()
                .createQuery(
                        "select r.customerId from RestockNotification r where r.restockId = ?1 and r.eventId = ?2"
                                + " order by r.customerId",
                        Long.class)
                .setParameter(1, restockId)
                .setParameter(2, eventId)
                .getResultList();
    }
}
