package dev.kurashi.infra.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image recipe without a Docker engine: built from source, Java 21, non-root, container-aware heap, layers. */
class DockerfileTest {

    private final String dockerfile = Repository.read(Repository.file("Dockerfile"));

    @Test
    void compilesOnAJdkAndRunsOnAJreWhoseImagesAreBuildArguments() {
        List<String> stages = Pattern.compile("(?m)^FROM (\\S+)")
                .matcher(dockerfile)
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(stages).containsExactly("${BUILD_IMAGE}", "${APP_SOURCE}", "${RUNTIME_IMAGE}");
        assertThat(argDefault("BUILD_IMAGE")).startsWith("eclipse-temurin:21-jdk");
        assertThat(argDefault("RUNTIME_IMAGE")).startsWith("eclipse-temurin:21-jre");
        // By default the jars come from the build stage, compiled from source in the image build.
        assertThat(argDefault("APP_SOURCE")).isEqualTo("build");
        assertThat(dockerfile).contains("./mvnw ");
    }

    @Test
    void pullsNoFrontendImage() {
        // A `# syntax=` line makes BuildKit pull docker/dockerfile: impossible on an engine without a registry.
        assertThat(dockerfile).doesNotContainPattern("(?m)^#\\s*syntax=");
    }

    private String argDefault(String name) {
        Matcher arg = Pattern.compile("(?m)^ARG " + name + "=(\\S+)").matcher(dockerfile);
        assertThat(arg.find()).as("ARG %s with a default", name).isTrue();
        return arg.group(1);
    }

    @Test
    void runsAsANonRootUserWithAContainerAwareHeap() {
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1).split(":")[0]).isNotIn("0", "root");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=75");
    }

    @Test
    void copiesTheFastJarFromTheLeastToTheMostOftenChangedLayer() {
        List<String> copied = Pattern.compile("(?m)^COPY --from=app-source \\S+/quarkus-app/(\\S+) ")
                .matcher(dockerfile)
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(copied).containsExactly("lib/boot/", "lib/main/", "quarkus-run.jar", "app/", "quarkus/");
    }

    @Test
    void theBuildContextLeavesOutBuildOutput() {
        assertThat(Repository.read(Repository.file(".dockerignore")).lines())
                .contains("**/target/", ".kurashi/", ".git/");
    }
}
