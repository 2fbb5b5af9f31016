package dev.kurashi.batchworker;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one run: {@code --name value} pairs from the command line (none for a scheduled firing), and
 * where a one-off run prints its output (null for a scheduled firing).
 */
public record JobOptions(Map<String, String> values, PrintStream out) {

    public static JobOptions scheduled() {
        return new JobOptions(Map.of(), null);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
