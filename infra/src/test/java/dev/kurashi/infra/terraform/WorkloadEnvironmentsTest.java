package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stg and prod apply the one root {@code envs/workload} with their own {@code <env>.s3.tfbackend} and
 * {@code <env>.tfvars}: each environment keeps its state where ecspresso reads it, sets every variable the root
 * requires, and sets nothing the root does not declare (a typo would otherwise be a warning, not a failure).
 */
class WorkloadEnvironmentsTest {

    private static final Path ROOT = Repository.terraform().resolve("envs/workload");
    private static final Pattern TOP_LEVEL = Pattern.compile("(?m)^([a-z_][a-z0-9_]*)\\s*=\\s*(.*)$");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stg", "prod"})
    void theStateLivesWhereEcspressoReadsIt(String env) throws IOException {
        Map<String, String> backend = settings(ROOT.resolve(env + ".s3.tfbackend"));
        String url = "s3://" + unquote(backend.get("bucket")) + "/" + unquote(backend.get("key"));

        try (Stream<Path> files = Files.walk(Repository.ecspresso())) {
            var configs = files.filter(f -> f.getFileName().toString().equals("ecspresso.yml"))
                    .toList();
            assertThat(configs).isNotEmpty();
            for (Path config : configs) {
                String expected = Repository.read(config)
                        .lines()
                        .filter(line -> line.contains("tfstate") && line.contains("url:"))
                        .map(line -> line.substring(line.indexOf("s3://")).trim())
                        .map(line -> line.replace("{{ must_env `ENV` }}", env))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(config + " reads no tfstate"));
                assertThat(url).as("%s backend against %s", env, config).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stg", "prod"})
    void theValuesFileSetsExactlyWhatTheRootDeclares(String env) throws IOException {
        Map<String, String> values = settings(ROOT.resolve(env + ".tfvars"));
        TerraformTree tree = TerraformTree.load(ROOT);
        Set<String> declared = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        tree.ofKind(TerraformTree.Kind.VARIABLE).forEach(variable -> {
            declared.add(variable.name());
            if (!variable.body().containsKey("default")) {
                required.add(variable.name());
            }
        });
        // given by the workflow from a secret, never written down
        required.remove("grafana_token");

        assertThat(declared).contains("env", "sizes");
        assertThat(values.keySet())
                .as("%s.tfvars sets undeclared variables", env)
                .isSubsetOf(declared);
        assertThat(values.keySet())
                .as("%s.tfvars misses required variables", env)
                .containsAll(required);
        assertThat(unquote(values.get("env"))).isEqualTo(env);
    }

    private static Map<String, String> settings(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher m = TOP_LEVEL.matcher(Repository.read(file));
        while (m.find()) {
            settings.put(m.group(1), m.group(2).trim());
        }
        return settings;
    }

    private static String unquote(String value) {
        return value == null ? null : value.replaceAll("^\"|\"$", "");
    }
}
