package dev.kurashi.notification;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Mail and push, at most once per (event, channel, recipient) in the normal case and never again once SENT.
 *
 * <p>Each send is recorded PENDING with a lease and committed before the provider is called, then marked SENT.
 * A redelivered message skips SENT sends; a send another delivery holds makes this one throw
 * {@link SendInProgressException} (retry later, never double); a PENDING send whose lease ran out, because its
 * sender died between the call and the mark, is sent again with the same dedupe id, which the provider gets as its
 * de-duplication hint. Runs outside transactions: no database connection is held during a provider call.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    public static final String MAIL = "mail";
    public static final String APNS = "apns";
    public static final String FCM = "fcm";

    /** What became of one send. */
    public enum Outcome {
        SENT,
        ALREADY_SENT,
        UNREGISTERED,
        NO_ADDRESS
    }

    private final SendLedger ledger;
    private final CustomerDirectory directory;
    private final MailSender mail;
    private final GunfishClient gunfish;
    private final FcmClient fcm;
    private final NotificationConfig config;
    private final NotificationMetrics metrics;

    public NotificationService(
            SendLedger ledger,
            CustomerDirectory directory,
            MailSender mail,
            GunfishClient gunfish,
            FcmClient fcm,
            NotificationConfig config,
            NotificationMetrics metrics) {
        this.metrics = metrics;
        this.ledger = ledger;
        this.directory = directory;
        this.mail = mail;
        this.gunfish = gunfish;
        this.fcm = fcm;
        this.config = config;
    }

    /** Mails the customer once for this event; a customer without an address gets nothing (and it is logged). */
    @Transactional(Transactional.TxType.NEVER)
    @WithSpan
    public Outcome mail(UUID eventId, long customerId, String subject, String text) {
        Optional<String> address = directory.email(customerId);
        if (address.isEmpty()) {
            LOG.warnf("Customer %d has no e-mail address; mail for event %s not sent", customerId, eventId);
            metrics.outcome(MAIL, Outcome.NO_ADDRESS);
            return Outcome.NO_ADDRESS;
        }
        String to = address.get();
        String dedupeId = Dedupe.id(eventId, MAIL, to);
        if (!claim(dedupeId, eventId, MAIL, to)) {
            return Outcome.ALREADY_SENT;
        }
        String messageId;
        try {
            messageId = mail.send(new Mail(to, subject, text), dedupeId);
        } catch (RuntimeException e) {
            ledger.release(dedupeId);
            metrics.failed(MAIL);
            throw e;
        }
        ledger.sent(dedupeId, messageId);
        metrics.outcome(MAIL, Outcome.SENT);
        LOG.infof("Mail %s for event %s sent to customer %d (%s)", dedupeId, eventId, customerId, messageId);
        return Outcome.SENT;
    }

    /**
     * Pushes the message to every device of the customer, once per device for this event: iOS tokens in one
     * Gunfish request, Android tokens one FCM request each. Tokens the provider reports unregistered are deleted.
     * Every device is tried before a failure is thrown, so a retry only repeats what did not go out.
     */
    @Transactional(Transactional.TxType.NEVER)
    @WithSpan
    public Map<String, Outcome> push(UUID eventId, long customerId, PushMessage message) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<GunfishClient.Notification> apns = new ArrayList<>();
        RuntimeException failure = null;
        for (Device device : ledger.devices(customerId)) {
            String channel = device.platform == Platform.IOS ? APNS : FCM;
            String dedupeId = Dedupe.id(eventId, channel, device.token);
            try {
                if (!claim(dedupeId, eventId, channel, device.token)) {
                    outcomes.put(device.token, Outcome.ALREADY_SENT);
                } else if (channel.equals(APNS)) {
                    apns.add(new GunfishClient.Notification(device.token, dedupeId));
                } else {
                    outcomes.put(device.token, sendFcm(device.token, message, dedupeId));
                }
            } catch (RuntimeException e) {
                failure = first(failure, e);
            }
        }
        if (!apns.isEmpty()) {
            try {
                Set<String> unregistered = gunfish.send(apns, message);
                for (GunfishClient.Notification n : apns) {
                    if (unregistered.contains(n.token())) {
                        ledger.unregistered(n.dedupeId(), n.token());
                        LOG.infof("APNs token of customer %d is unregistered; device deleted", customerId);
                        outcomes.put(n.token(), Outcome.UNREGISTERED);
                        metrics.outcome(APNS, Outcome.UNREGISTERED);
                    } else {
                        ledger.sent(n.dedupeId(), null);
                        outcomes.put(n.token(), Outcome.SENT);
                        metrics.outcome(APNS, Outcome.SENT);
                    }
                }
            } catch (RuntimeException e) {
                apns.forEach(n -> ledger.release(n.dedupeId()));
                metrics.failed(APNS);
                failure = first(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        LOG.infof("Push for event %s to customer %d: %s", eventId, customerId, outcomes.values());
        return outcomes;
    }

    /**
     * The customers to tell about a restock, once per (restock, customer) whatever the number of events: the
     * favoriters are added unless an earlier event added them, and this event gets the ones it added.
     */
    @Transactional(Transactional.TxType.NEVER)
    @WithSpan
    public List<Long> restockRecipients(long restockId, UUID eventId, List<Long> favoriters) {
        return ledger.restockRecipients(restockId, eventId, favoriters);
    }

    private Outcome sendFcm(String token, PushMessage message, String dedupeId) {
        FcmClient.Answer answer;
        try {
            answer = fcm.send(token, message, dedupeId);
        } catch (RuntimeException e) {
            ledger.release(dedupeId);
            metrics.failed(FCM);
            throw e;
        }
        if (answer.unregistered()) {
            ledger.unregistered(dedupeId, token);
            LOG.info("FCM token is unregistered; device deleted");
            metrics.outcome(FCM, Outcome.UNREGISTERED);
            return Outcome.UNREGISTERED;
        }
        ledger.sent(dedupeId, answer.messageName());
        metrics.outcome(FCM, Outcome.SENT);
        return Outcome.SENT;
    }

    /** True when this caller now holds the send; false when it already went out; throws when someone holds it. */
    private boolean claim(String dedupeId, UUID eventId, String channel, String recipient) {
        SendLedger.Claim claim = ledger.claim(dedupeId, eventId, channel, recipient, config.sendLease());
        if (claim.claimed()) {
            return true;
        }
        if (claim.held() != null && claim.held().status().equals(NotificationSend.Status.PENDING.name())) {
            Duration wait = Duration.between(Instant.now(), claim.held().leaseUntil());
            throw new SendInProgressException(dedupeId, wait.isNegative() ? Duration.ZERO : wait);
        }
        return false;
    }

    private static RuntimeException first(RuntimeException failure, RuntimeException e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }
}
