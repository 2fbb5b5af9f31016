package dev.kurashi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The send records, each change in its own committed transaction: a send must be on disk as PENDING before the
 * provider is called, and SENT as soon as it answered.
 */
@ApplicationScoped
class SendLedger {

    private final NotificationSendRepository sends;
    private final DeviceRepository devices;
    private final RestockNotificationRepository restocks;

    SendLedger(NotificationSendRepository sends, DeviceRepository devices, RestockNotificationRepository restocks) {
        this.sends = sends;
        this.devices = devices;
        this.restocks = restocks;
    }

    /** See {@link NotificationSendRepository#claim}; when not claimed, the current row (null if none). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Claim claim(String dedupeId, UUID eventId, String channel, String recipient, Duration lease) {
        if (sends.claim(dedupeId, eventId, channel, recipient, lease)) {
            return new Claim(true, null);
        }
        NotificationSend current = sends.findById(dedupeId);
        return new Claim(false, current == null ? null : new Held(current.status, current.leaseUntil));
    }

    record Held(String status, java.time.Instant leaseUntil) {}

    record Claim(boolean claimed, Held held) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void sent(String dedupeId, String providerMessageId) {
        sends.markSent(dedupeId, providerMessageId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(String dedupeId) {
        sends.release(dedupeId);
    }

    /** The provider said the token is gone: the send is over and the device forgotten, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void unregistered(String dedupeId, String token) {
        sends.markUnregistered(dedupeId);
        devices.deleteByToken(token);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Device> devices(long customerId) {
        return devices.listByCustomer(customerId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> restockRecipients(long restockId, UUID eventId, List<Long> favoriters) {
        for (long customerId : favoriters) {
            restocks.insertIfAbsent(restockId, customerId, eventId);
        }
        return restocks.listCustomerIds(restockId, eventId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<NotificationSend> sends(UUID eventId) {
        return sends.listByEvent(eventId);
    }
}
