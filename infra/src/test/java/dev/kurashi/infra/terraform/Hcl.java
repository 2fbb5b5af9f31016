package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reading hcl4j's values: nested blocks (plain and dynamic), literals and references. */
final class Hcl {

    private Hcl() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A value as a list: a list as is, a single value as a one-element list, null as an empty list. */
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }

    /**
     * The nested blocks called {@code name}: written out ({@code name { ... }}, one or repeated) and generated
     * ({@code dynamic "name" { content { ... } }}), since a rule must see both.
     */
    static List<Map<String, Object>> blocks(Map<String, Object> body, String name) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Object block : list(body.get(name))) {
            if (block instanceof Map<?, ?>) {
                blocks.add(map(block));
            }
        }
        for (Object dynamic : list(map(body.get("dynamic")).get(name))) {
            Map<String, Object> content = map(map(dynamic).get("content"));
            blocks.add(content);
        }
        return blocks;
    }

    static Optional<Map<String, Object>> block(Map<String, Object> body, String name) {
        return blocks(body, name).stream().findFirst();
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(value);
    }

    static Optional<String> string(Object value) {
        return value instanceof String string ? Optional.of(string) : Optional.empty();
    }

    static OptionalDouble number(Object value) {
        return value instanceof Number number ? OptionalDouble.of(number.doubleValue()) : OptionalDouble.empty();
    }

    /** A reference to something else (resource, variable, module output): not a literal, not null. */
    static boolean isReference(Object value) {
        return value != null
                && !(value instanceof String
                        || value instanceof Number
                        || value instanceof Boolean
                        || value instanceof Map<?, ?>
                        || value instanceof List<?>);
    }

    /** Whether the value refers to {@code address} (e.g. {@code aws_s3_bucket.this}), directly or in a string. */
    static boolean refersTo(Object value, String address) {
        return value != null
                && (value.toString().equals(address) || value.toString().contains(address + "."));
    }
}
