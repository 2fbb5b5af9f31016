package dev.kurashi.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UuidGenerator;

/**
 * A placed order. Amounts are tax-included yen; {@link #taxLines} is the per-rate breakdown a qualified
 * invoice needs. Status changes that race with other nodes (payment, auto-cancel) go through the
 * conditional updates of {@link OrderRepository}.
 */
@Entity
@Table(name = "orders")
public class Order {

    /** Time-ordered (UUIDv7), so new orders land at the end of the primary-key index. */
    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "payment_method", nullable = false, updatable = false)
    public PaymentMethod paymentMethod;

    /** Konbini orders only: unpaid after this instant they are cancelled. */
    @Column(name = "payment_deadline")
    public Instant paymentDeadline;

    /** The provider's payment (a Stripe PaymentIntent id); webhooks find the order by it. */
    @Column(name = "payment_id")
    public String paymentId;

    /** Konbini orders only: the number the customer pays with at the store. */
    @Column(name = "konbini_payment_number")
    public String konbiniPaymentNumber;

    /** Konbini orders only: the provider's voucher page with the instructions per store chain, if any. */
    @Column(name = "konbini_voucher_url")
    public String konbiniVoucherUrl;

    @Column(name = "subtotal_jpy", nullable = false)
    public int subtotalJpy;

    @Column(name = "shipping_jpy", nullable = false)
    public int shippingJpy;

    @Column(name = "total_jpy", nullable = false)
    public int totalJpy;

    @Embedded
    public ShippingAddress shippingAddress;

    @CreationTimestamp
    @Column(name = "placed_at", nullable = false, updatable = false)
    public Instant placedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("rate desc")
    public List<OrderTaxLine> taxLines = new ArrayList<>();

    public void addLine(OrderLine line) {
        line.order = this;
        lines.add(line);
    }

    public void addTaxLine(short rate, int taxableJpy, int taxJpy) {
        OrderTaxLine taxLine = new OrderTaxLine();
        taxLine.order = this;
        taxLine.rate = rate;
        taxLine.taxableJpy = taxableJpy;
        taxLine.taxJpy = taxJpy;
        taxLines.add(taxLine);
    }
}
