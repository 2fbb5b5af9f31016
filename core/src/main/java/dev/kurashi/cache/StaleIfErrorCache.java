package dev.kurashi.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kurashi.common.DomainException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * An in-process read cache that serves the last good value when loading fails (stale-if-error, docs/adr/1502-liveness-never-follows-a-dependency.md).
 *
 * <p>{@link #get} answers a fresh entry from memory; otherwise it runs the loader and keeps its answer. When the
 * loader throws anything but a {@link DomainException} (the database is down, a timeout, a broken connection) and
 * an earlier value exists, that value is answered instead, however old or invalidated, {@link #staleServed()}
 * counts it and the listener hears of it (a {@link StaleRead}, so the answer can be marked stale); without an earlier value the failure propagates. A {@code DomainException} (say NOT_FOUND: the
 * product was withdrawn) is the truth, not a failure: it propagates and the entry is dropped.
 *
 * <p>{@link #invalidateAll()} does not forget entries: it makes every one of them stale, so the next read loads
 * again but a failing load still has something to answer. An entry loaded while an invalidation arrived counts as
 * stale, because it was read before the change may have committed. A disabled cache calls the loader every time.
 */
public final class StaleIfErrorCache<K, V> {

    private static final Logger LOG = Logger.getLogger(StaleIfErrorCache.class);

    private record Entry<V>(V value, long generation, long loadedAt) {}

    private final String name;
    private final boolean enabled;
    private final long freshForNanos;
    private final Cache<K, Entry<V>> entries;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong staleServed = new AtomicLong();
    private final Consumer<StaleRead> onStale;

    StaleIfErrorCache(String name, boolean enabled, long freshForNanos, int maximumSize, Consumer<StaleRead> onStale) {
        this.name = name;
        this.onStale = onStale;
        this.enabled = enabled;
        this.freshForNanos = freshForNanos;
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    public String name() {
        return name;
    }

    /** The cached value of {@code key}, loaded when missing or stale; a stale value when loading fails. */
    public V get(K key, Supplier<V> loader) {
        return get(key, loader, value -> true);
    }

    /**
     * As {@link #get(Object, Supplier)}, but a loaded value is kept only when {@code keep} accepts it (a degraded
     * answer, say, is served once and not remembered).
     */
    public V get(K key, Supplier<V> loader, Predicate<? super V> keep) {
        if (!enabled) {
            return loader.get();
        }
        long current = generation.get();
        Entry<V> entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == current && System.nanoTime() - entry.loadedAt() < freshForNanos) {
            return entry.value();
        }
        V value;
        try {
            value = loader.get();
        } catch (DomainException e) {
            entries.invalidate(key);
            throw e;
        } catch (RuntimeException e) {
            if (entry == null) {
                throw e;
            }
            staleServed.incrementAndGet();
            LOG.warnf("Cache %s answers a stale entry: loading it failed (%s)", name, e.toString());
            onStale.accept(new StaleRead(name, Duration.ofNanos(System.nanoTime() - entry.loadedAt())));
            return entry.value();
        }
        if (keep.test(value)) {
            entries.put(key, new Entry<>(value, current, System.nanoTime()));
        }
        return value;
    }

    /**
     * The value of {@code key} if a fresh one is held, without loading: lets a caller on an event loop answer a
     * hit at once and move only a miss to a worker thread.
     */
    public Optional<V> fresh(K key) {
        if (!enabled) {
            return Optional.empty();
        }
        Entry<V> entry = entries.getIfPresent(key);
        if (entry != null
                && entry.generation() == generation.get()
                && System.nanoTime() - entry.loadedAt() < freshForNanos) {
            return Optional.of(entry.value());
        }
        return Optional.empty();
    }

    /** Makes every entry stale; stale entries stay available to answer when loading fails. */
    public void invalidateAll() {
        generation.incrementAndGet();
    }

    /** How many times a stale entry answered because its loader failed, since start. */
    public long staleServed() {
        return staleServed.get();
    }

    /** Entries held, fresh or stale (approximate). */
    public long size() {
        return entries.estimatedSize();
    }
}
