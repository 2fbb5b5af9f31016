package dev.kurashi.infra.ecspresso;

import dev.kurashi.infra.Repository;
import dev.kurashi.infra.terraform.TerraformTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** ecspresso's {@code tfstate} lookups of the environment stack's outputs, and the outputs that stack declares. */
final class TfstateLookups {

    /** {@code {{ tfstate `output.name` }}} or {@code {{ tfstate `output.name[0]` }}} (either quote ecspresso takes). */
    static final Pattern OUTPUT =
            Pattern.compile("\\{\\{ *tfstatef? +[`\"]output\\.([A-Za-z0-9_]+)(\\[\\d+])?[`\"] *}}");

    private TfstateLookups() {}

    /** Output names looked up in a text. */
    static Set<String> used(String text) {
        Set<String> used = new TreeSet<>();
        Matcher matcher = OUTPUT.matcher(text);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return used;
    }

    /** Output names looked up in every ecspresso configuration and definition (JSON and YAML) under {@code dir}. */
    static Set<String> used(Path dir) {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(file -> file.toString().matches(".*\\.(json|jsonnet|ya?ml)$"))
                    .forEach(file -> used.addAll(used(Repository.read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    /** Top-level {@code output} blocks of a root stack's {@code *.tf} files ({@code infra/terraform/envs/workload}). */
    static Set<String> declaredOutputs(TerraformTree stack) {
        Set<String> outputs = new TreeSet<>();
        stack.ofKind(TerraformTree.Kind.OUTPUT)
                .filter(output -> output.dir().isEmpty())
                .forEach(output -> outputs.add(output.name()));
        return outputs;
    }

    static Set<String> missing(Set<String> used, Set<String> declared) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(declared);
        return missing;
    }
}
