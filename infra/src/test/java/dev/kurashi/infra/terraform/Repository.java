package dev.kurashi.infra.terraform;

import java.nio.file.Path;

/** Where the repository is: the build passes it as kurashi.root; an IDE run starts in the infra module. */
final class Repository {

    private Repository() {}

    static Path root() {
        String root = System.getProperty("kurashi.root");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root))
                .toAbsolutePath()
                .normalize();
    }

    static Path terraform() {
        return root().resolve("infra/terraform");
    }
}
