package dev.kurashi.order;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** How an order is paid; {@link #code()} is the value of the public API and of the database column. */
public enum PaymentMethod {
    CARD("card"),
    KONBINI("konbini");

    private final String code;

    PaymentMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PaymentMethod fromCode(String code) {
        for (PaymentMethod method : values()) {
            if (method.code.equals(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown payment method: " + code);
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<PaymentMethod, String> {
        @Override
        public String convertToDatabaseColumn(PaymentMethod method) {
            return method == null ? null : method.code;
        }

        @Override
        public PaymentMethod convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
