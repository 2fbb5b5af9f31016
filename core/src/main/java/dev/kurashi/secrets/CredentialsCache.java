package dev.kurashi.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Credentials per secret, read again after a time-to-live or when the database rejects them. One
 * read per secret runs at a time: callers that arrive while it runs wait for it and take its
 * result, so twenty connections failing at once cost one call to Secrets Manager.
 */
final class CredentialsCache {

    private static final Logger LOG = Logger.getLogger(CredentialsCache.class);

    private final Function<String, DatabaseCredentials> source;
    private final Duration ttl;
    private final Duration minRefreshInterval;
    private final InstantSource clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    CredentialsCache(
            Function<String, DatabaseCredentials> source,
            Duration ttl,
            Duration minRefreshInterval,
            InstantSource clock) {
        this.source = source;
        this.ttl = ttl;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    /** The credentials held by the secret, read from the source when not cached or expired. */
    DatabaseCredentials get(String secretId) {
        Slot slot = slots.computeIfAbsent(secretId, Slot::new);
        Cached cached = slot.cached;
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return cached.credentials();
        }
        slot.lock.lock();
        try {
            cached = slot.cached;
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cached.expiresAt())) {
                return cached.credentials();
            }
            return slot.read(now);
        } finally {
            slot.lock.unlock();
        }
    }

    /**
     * Called when the database rejected these credentials. Returns the credentials to retry with:
     * the secret's newer value, read now or by a caller that got here first, or empty when the
     * secret holds nothing newer.
     */
    Optional<DatabaseCredentials> refreshRejected(String username, String password) {
        for (Slot slot : slots.values()) {
            slot.lock.lock();
            try {
                Cached cached = slot.cached;
                if (cached == null) {
                    continue;
                }
                if (cached.credentials().matches(username, password)) {
                    Instant now = clock.instant();
                    if (now.isBefore(slot.lastReadAt.plus(minRefreshInterval))) {
                        return Optional.empty();
                    }
                    LOG.infof(
                            "Database rejected the credentials of secret '%s' for user '%s'; reading the secret again",
                            slot.secretId, username);
                    DatabaseCredentials fresh = slot.read(now);
                    return fresh.matches(username, password) ? Optional.empty() : Optional.of(fresh);
                }
                if (slot.previous != null && slot.previous.matches(username, password)) {
                    return Optional.of(cached.credentials());
                }
            } finally {
                slot.lock.unlock();
            }
        }
        return Optional.empty();
    }

    private record Cached(DatabaseCredentials credentials, Instant expiresAt) {}

    /** State of one secret; fields other than {@code cached} are only touched under the lock. */
    private final class Slot {
        final String secretId;
        final ReentrantLock lock = new ReentrantLock();
        volatile Cached cached;
        DatabaseCredentials previous;
        Instant lastReadAt = Instant.MIN;
        SecretUnavailableException lastFailure;

        Slot(String secretId) {
            this.secretId = secretId;
        }

        DatabaseCredentials read(Instant now) {
            if (lastFailure != null && now.isBefore(lastReadAt.plus(minRefreshInterval))) {
                throw new SecretUnavailableException(lastFailure.getMessage(), lastFailure);
            }
            lastReadAt = now;
            DatabaseCredentials fresh;
            try {
                fresh = source.apply(secretId);
            } catch (SecretUnavailableException e) {
                if (cached == null) {
                    lastFailure = e;
                    throw e;
                }
                // Serving the last known credentials beats failing every new connection while Secrets
                // Manager is unreachable; they stay valid until the next rotation.
                LOG.warnf(
                        "Keeping the cached credentials of secret '%s' for %s: %s",
                        secretId, minRefreshInterval, e.getMessage());
                cached = new Cached(cached.credentials(), now.plus(minRefreshInterval));
                return cached.credentials();
            }
            lastFailure = null;
            if (cached != null && !cached.credentials().equals(fresh)) {
                previous = cached.credentials();
            }
            cached = new Cached(fresh, now.plus(ttl));
            return fresh;
        }
    }
}
