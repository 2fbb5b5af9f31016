package dev.kurashi.notification;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A push platform; {@link #code()} is the value of the public API and of the database column. */
public enum Platform {
    IOS("ios"),
    ANDROID("android");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Platform fromCode(String code) {
        for (Platform platform : values()) {
            if (platform.code.equals(code)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("unknown platform: " + code);
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<Platform, String> {
        @Override
        public String convertToDatabaseColumn(Platform platform) {
            return platform == null ? null : platform.code;
        }

        @Override
        public Platform convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
