package dev.kurashi.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    /** Registers a token; a token seen before moves to this customer (a phone changed hands or accounts). */
    public void upsert(String token, long customerId, Platform platform) {
        getEntityManager()
                .createNativeQuery("INSERT INTO devices (token, customer_id, platform) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (token) DO UPDATE SET customer_id = excluded.customer_id,"
                        + " platform = excluded.platform, updated_at = now()")
                .setParameter(1, token)
                .setParameter(2, customerId)
                .setParameter(3, platform.code())
                .executeUpdate();
    }

    public List<Device> listByCustomer(long customerId) {
        return list("customerId = ?1 order by createdAt", customerId);
    }

    public List<Device> listByCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return list("customerId in ?1", customerIds);
    }

    public boolean deleteByTokenAndCustomer(String token, long customerId) {
        return delete("token = ?1 and customerId = ?2", token, customerId) > 0;
    }

    /** Removes a token APNs or FCM reported as unregistered. */
    public boolean deleteByToken(String token) {
        return deleteById(token);
    }
}
