package dev.kurashi.shop.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The last good answer of each anonymous catalog, category, article, product and search GET (page or API), kept so
 * that they can still be served while the database is unavailable (stale-if-error, ADR 1101). Bounded by entry
 * count, body size and total bytes, least recently used first out. It sits at the HTTP level on purpose: it needs
 * nothing from the domain, and a domain cache in front of the database can later feed the same answers.
 */
@ApplicationScoped
public class StaleResponses {

    /** One kept answer: the exact bytes sent, their media type and when they were sent. */
    public record Stale(byte[] body, String mediaType, Instant storedAt) {

        public long ageSeconds(Instant now) {
            return Math.max(0, Duration.between(storedAt, now).toSeconds());
        }
    }

    private final ResilienceConfig.Stale config;
    private final Clock clock;
    private final LinkedHashMap<String, Stale> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long totalBytes;

    @Inject
    public StaleResponses(ResilienceConfig config) {
        this(config.stale(), Clock.systemUTC());
    }

    StaleResponses(ResilienceConfig.Stale config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether answers to GETs of this path are kept at all. */
    public boolean keeps(String path) {
        return config.enabled() && matches(config.paths(), path);
    }

    public void put(String key, byte[] body, String mediaType) {
        if (body.length > config.maxBodyKib() * 1024L) {
            return;
        }
        Stale stale = new Stale(body, mediaType, clock.instant());
        long maxTotal = config.maxTotalMib() * 1024L * 1024L;
        synchronized (entries) {
            Stale previous = entries.put(key, stale);
            totalBytes += body.length - (previous == null ? 0 : previous.body().length);
            Iterator<Stale> eldest = entries.values().iterator();
            while ((entries.size() > config.maxEntries() || totalBytes > maxTotal) && eldest.hasNext()) {
                totalBytes -= eldest.next().body().length;
                eldest.remove();
            }
        }
    }

    public Optional<Stale> get(String key) {
        Stale stale;
        synchronized (entries) {
            stale = entries.get(key);
        }
        if (stale == null || stale.storedAt().plus(config.maxAge()).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(stale);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    long totalBytes() {
        synchronized (entries) {
            return totalBytes;
        }
    }

    /** The key of a request: its path and raw query, exactly as asked. */
    public static String key(String path, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    static boolean matches(List<String> prefixes, String path) {
        for (String prefix : prefixes) {
            if (path.equals(prefix)) {
                return true;
            }
            if (!prefix.equals("/") && path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
