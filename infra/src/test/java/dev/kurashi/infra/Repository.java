package dev.kurashi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The repository's files as the infra tests read them (delivery, Terraform, ecspresso). */
public final class Repository {

    private Repository() {}

    /** {@code kurashi.root} (set by the parent POM for every module's tests), else the nearest directory holding mvnw. */
    public static Path root() {
        String configured = System.getProperty("kurashi.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "repository root not found from " + Path.of("").toAbsolutePath());
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    public static Path terraform() {
        return file("infra/terraform");
    }

    public static Path ecspresso() {
        return file("infra/ecspresso");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML mapping; SnakeYAML resolves anchors, aliases and merge keys ({@code <<}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(Path file) {
        Object document = new Yaml().load(read(file));
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(file + " is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }
}
