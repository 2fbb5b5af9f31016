package dev.kurashi.infra.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Runbook links as alarms and alerts carry them: {@code docs/runbooks/<file>.md#<section>}, relative to the
 * repository (Alertmanager's and Chatbot's templates put the repository's URL in front). A link resolves when the
 * file exists and has a heading whose GitHub anchor is the section.
 */
public final class RunbookLinks {

    public static final Pattern LINK = Pattern.compile("docs/runbooks/([A-Za-z0-9_.-]+\\.md)#([a-z0-9-]+)");

    private RunbookLinks() {}

    /** What is wrong with the runbook link in {@code text} (none, several or a broken one); empty when it resolves. */
    public static List<String> problems(String text, Path root) {
        Matcher link = LINK.matcher(text == null ? "" : text);
        if (!link.find()) {
            return List.of("no runbook link (docs/runbooks/<file>.md#<section>)");
        }
        Path file = root.resolve("docs/runbooks").resolve(link.group(1));
        if (!Files.isRegularFile(file)) {
            return List.of("runbook " + link.group(0) + ": no file " + root.relativize(file));
        }
        if (!anchors(file).contains(link.group(2))) {
            return List.of("runbook " + link.group(0) + ": no section #" + link.group(2) + " in " + link.group(1));
        }
        return List.of();
    }

    /** Every alerting rule of a Prometheus rule file, with what is wrong with its runbook link. */
    public static List<String> ruleFileProblems(Path rules, Path root) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> rule : alerts(rules)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.getOrDefault("annotations", Map.of());
            for (String problem : problems(String.valueOf(annotations.get("runbook_url")), root)) {
                problems.add(rules.getFileName() + ": alert " + rule.get("alert") + ": " + problem);
            }
        }
        return problems;
    }

    /** The alerting rules (not the recording rules) of a rule file. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> alerts(Path rules) {
        Map<String, Object> document;
        try {
            document = new Yaml().load(Files.readString(rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.getOrDefault("groups", List.of())) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.getOrDefault("rules", List.of())) {
                if (rule.containsKey("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static List<String> anchors(Path markdown) {
        try {
            return Files.readAllLines(markdown).stream()
                    .filter(line -> line.startsWith("#"))
                    .map(line -> line.replaceFirst("^#+\\s*", "")
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "")
                            .trim()
                            .replace(' ', '-'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
