package dev.kurashi.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    /** Inserts a token, or does nothing when it exists; returns 1 when this call inserted it. */
    public int insertIfAbsent(String token, long customerId, Platform platform, String installIdHash) {
        return getEntityManager()
                .createNativeQuery("INSERT INTO devices (token, customer_id, platform, install_id_hash)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (token) DO NOTHING")
                .setParameter(1, token)
                .setParameter(2, customerId)
                .setParameter(3, platform.code())
                .setParameter(4, installIdHash)
                .executeUpdate();
    }

    /** The token's row, locked until the transaction ends: who holds it, and from which install. */
    public Optional<Device> findForUpdate(String token) {
        return find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
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
