package dev.kurashi.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every read cache of this process, so that one notification makes all of them stale (ADR 1001). Services
 * create their caches here once, at construction.
 */
@ApplicationScoped
public class ReadCaches {

    private final CacheConfig config;
    private final List<StaleIfErrorCache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final Event<StaleRead> staleReads;

    public ReadCaches(CacheConfig config, Event<StaleRead> staleReads) {
        this.config = config;
        this.staleReads = staleReads;
    }

    public <K, V> StaleIfErrorCache<K, V> create(String name) {
        StaleIfErrorCache<K, V> cache = new StaleIfErrorCache<>(
                name, config.enabled(), config.freshFor().toNanos(), config.maximumSize(), staleReads::fire);
        caches.add(cache);
        return cache;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Makes every entry of every cache stale (they still answer when loading fails). */
    public void invalidateAll() {
        invalidations.incrementAndGet();
        caches.forEach(StaleIfErrorCache::invalidateAll);
    }

    /** How many invalidations this process has applied since start (tests and operators watch it). */
    public long invalidations() {
        return invalidations.get();
    }

    /** Stale answers given because a loader failed, over every cache. */
    public long staleServed() {
        return caches.stream().mapToLong(StaleIfErrorCache::staleServed).sum();
    }
}
