package dev.kurashi.order;

import java.util.UUID;

/**
 * The answer to {@code POST /orders}, already serialised, so that a replay under the same
 * {@code Idempotency-Key} is byte for byte the first answer.
 */
public record CheckoutResult(int status, UUID orderId, String body, boolean replayed) {}
