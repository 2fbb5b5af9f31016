package dev.kurashi.order;

/** Stored as its name; the database CHECK lists the same values. */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    CANCELLED,
    SHIPPED
}
