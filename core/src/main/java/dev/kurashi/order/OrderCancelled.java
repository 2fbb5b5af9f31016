package dev.kurashi.order;

import java.util.UUID;

/** An order was cancelled (for example an unpaid konbini order past its deadline); its stock returned. */
public record OrderCancelled(UUID orderId, long customerId, String reason) implements OrderEvent {}
