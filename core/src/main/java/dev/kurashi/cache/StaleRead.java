package dev.kurashi.cache;

import java.time.Duration;

/**
 * A read cache answered with a value it could not refresh because loading failed (stale-if-error, ADR 1101). Fired
 * synchronously as a CDI event on the thread that read, so the HTTP layer can tell its client that the answer is
 * stale ({@code Warning: 110}, {@code Age}).
 *
 * @param cache the cache's name
 * @param age how long ago the value was loaded
 */
public record StaleRead(String cache, Duration age) {}
