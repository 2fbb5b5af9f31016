package dev.kurashi.order;

import java.util.UUID;

/** An order was placed; the customer gets a confirmation mail and push. */
public record OrderPlaced(UUID orderId, long customerId) implements OrderEvent {}
