package dev.kurashi.order;

import java.util.UUID;

/** The money of an unpaid (konbini) order arrived: the customer gets a mail, the warehouse may ship. */
public record OrderPaid(UUID orderId, long customerId) implements OrderEvent {}
