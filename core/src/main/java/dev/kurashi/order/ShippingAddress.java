package dev.kurashi.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The delivery address as entered at checkout (a Japanese address: 〒, 都道府県, 市区町村, 番地, 建物). */
@Embeddable
public class ShippingAddress {

    @Column(name = "shipping_name", nullable = false)
    public String name;

    /** {@code NNN-NNNN}. */
    @Column(name = "shipping_postal_code", nullable = false)
    public String postalCode;

    @Column(name = "shipping_prefecture", nullable = false)
    public String prefecture;

    @Column(name = "shipping_city", nullable = false)
    public String city;

    @Column(name = "shipping_line1", nullable = false)
    public String line1;

    @Column(name = "shipping_line2")
    public String line2;

    @Column(name = "shipping_phone", nullable = false)
    public String phone;
}
