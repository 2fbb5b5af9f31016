package dev.kurashi.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /orders}: where to ship the current cart and how it is paid. */
public record PlaceOrderCommand(@NotNull @Valid Address shippingAddress, @NotNull @Valid Payment payment) {

    /** A Japanese delivery address: 〒 postal code, 都道府県, 市区町村, 番地, 建物. */
    public record Address(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Pattern(regexp = "[0-9]{3}-[0-9]{4}", message = "must look like 123-4567") String postalCode,
            @NotNull @Pattern(regexp = Prefectures.PATTERN, message = "must be one of the 47 prefectures")
                    String prefecture,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            // 10 to 13 digits, single hyphens between digits: 03-1234-5678, 090-1234-5678, 0312345678
            @NotNull @Pattern(regexp = "(?:[0-9]-?){9,12}[0-9]", message = "must be 10 to 13 digits, hyphens allowed")
                    String phone) {}

    /** {@code card} needs a {@code cardToken} from the provider's client SDK; {@code konbini} takes none. */
    public record Payment(
            @NotNull @Pattern(regexp = "card|konbini", message = "must be card or konbini") String method,
            @Size(min = 1, max = 255) @Pattern(regexp = "[A-Za-z0-9_]+", message = "is not a valid card token")
                    String cardToken) {}

    public PaymentMethod paymentMethod() {
        return PaymentMethod.fromCode(payment.method());
    }

    /**
     * A canonical form of the request for the idempotency hash: independent of JSON key order, whitespace
     * and escapes; every value is length-prefixed, so no two different requests share a form.
     */
    String canonicalForm() {
        StringBuilder form = new StringBuilder();
        Address a = shippingAddress;
        for (String value : new String[] {
            a.name(),
            a.postalCode(),
            a.prefecture(),
            a.city(),
            a.line1(),
            a.line2(),
            a.phone(),
            payment.method(),
            payment.cardToken()
        }) {
            form.append(value == null ? "-" : value.length() + ":" + value).append('\n');
        }
        return form.toString();
    }
}
