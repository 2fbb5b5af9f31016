package dev.kurashi.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package CI and the Dockerfile build for ECS (no {@code -Pdemo}) holds no demo data: neither the
 * kurashi-demo-data jar nor a class of its {@code dev.kurashi.seed} package in any jar of the fast-jar, so a
 * production task cannot seed whatever its configuration says.
 */
class PackagedAppShipsNoDemoDataIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void theFastJarHoldsNoDemoData() throws IOException {
        assertThat(APP.resolve("quarkus-run.jar")).as("packaged app").exists();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(APP)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).as("jars of the fast-jar").hasSizeGreaterThan(10);
        assertThat(jars).noneMatch(jar -> jar.getFileName().toString().contains("kurashi-demo-data"));
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.stream().map(e -> e.getName()))
                        .as("entries of %s", jar)
                        .noneMatch(name -> name.startsWith("dev/kurashi/seed/"));
            }
        }
    }
}
