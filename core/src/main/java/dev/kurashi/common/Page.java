package dev.kurashi.common;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list, as every list of the public API answers it. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
