package dev.kurashi.search;

import dev.kurashi.common.DomainException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The search synonym dictionary (ADR 1301): the groups versioned with the code ({@code search/synonyms.txt})
 * plus the groups staff added at run time ({@code search_synonyms}). Every query is expanded with it by
 * {@link #terms(String)}, in the app, so OpenSearch and the SQL fallback search the same spellings and a staff
 * change needs neither a deploy nor a reindex. Each node rereads the table at most every {@link #REFRESH_NANOS}.
 */
@ApplicationScoped
public class SynonymService {

    private static final Logger LOG = Logger.getLogger(SynonymService.class);

    static final String RESOURCE = "search/synonyms.txt";
    static final int MAX_WORDS = 20;
    static final int MAX_WORD_LENGTH = 50;
    private static final long REFRESH_NANOS = 30_000_000_000L;

    /** A group as the API shows it: {@code staff} groups can be deleted, {@code repository} ones are in git. */
    public record Group(Long id, List<String> terms, String source) {}

    private record Snapshot(Map<String, Set<String>> byKey, List<Group> staff, long loadedAt) {}

    private final SearchSynonymRepository repository;
    private final List<List<String>> shipped;
    private volatile Snapshot snapshot;

    public SynonymService(SearchSynonymRepository repository) {
        this.repository = repository;
        this.shipped = readResource();
    }

    /** The query's terms with their spellings and synonyms; see {@link SearchTerms}. */
    public List<List<String>> terms(String normalizedQuery) {
        Map<String, Set<String>> byKey = current().byKey();
        return SearchTerms.expand(normalizedQuery, key -> byKey.getOrDefault(key, Set.of()));
    }

    /** Every group: those shipped with the code first, then staff's by id. */
    @Transactional
    @WithSpan
    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        shipped.forEach(words -> groups.add(new Group(null, words, "repository")));
        groups.addAll(reload().staff());
        return groups;
    }

    /** Adds a staff group; it applies to this node at once and to every other within the refresh interval. */
    @Transactional
    @WithSpan
    public Group add(List<String> words, String createdBy) {
        List<String> clean = validate(words);
        SearchSynonym row = new SearchSynonym();
        row.terms = String.join(", ", clean);
        row.createdBy = createdBy;
        repository.persist(row);
        repository.flush();
        reload();
        return new Group(row.id, clean, "staff");
    }

    @Transactional
    @WithSpan
    public void delete(long id) {
        if (!repository.deleteById(id)) {
            throw DomainException.notFound("Synonym group", String.valueOf(id));
        }
        repository.flush();
        reload();
    }

    /**
     * The dictionary, reread when older than the refresh interval. When the table cannot be read (a database
     * failover), the groups last read stay in use, or the shipped ones alone before any read, and the next query
     * tries again: search keeps answering from the index (ADR 1101).
     */
    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > REFRESH_NANOS) {
            try {
                current = reloadInTransaction();
            } catch (RuntimeException e) {
                LOG.warnf("Search synonyms: staff groups could not be reread (%s); the last ones known apply", e);
                return current != null ? current : snapshotOf(List.of(), 0);
            }
        }
        return current;
    }

    @Transactional
    Snapshot reloadInTransaction() {
        return reload();
    }

    private Snapshot reload() {
        List<Group> staff = repository.listInOrder().stream()
                .map(row -> new Group(row.id, split(row.terms), "staff"))
                .toList();
        Snapshot fresh = snapshotOf(staff, System.nanoTime());
        snapshot = fresh;
        return fresh;
    }

    private Snapshot snapshotOf(List<Group> staff, long loadedAt) {
        Map<String, Set<String>> byKey = new HashMap<>();
        shipped.forEach(words -> addGroup(byKey, words));
        staff.forEach(group -> addGroup(byKey, group.terms()));
        Map<String, Set<String>> frozen = new HashMap<>();
        byKey.forEach((key, words) -> frozen.put(key, Set.copyOf(words)));
        return new Snapshot(Map.copyOf(frozen), staff, loadedAt);
    }

    /** A word in several groups finds the words of all of them. */
    private static void addGroup(Map<String, Set<String>> byKey, List<String> words) {
        for (String word : words) {
            byKey.computeIfAbsent(SearchTerms.key(word), k -> new LinkedHashSet<>())
                    .addAll(words);
        }
    }

    static List<String> validate(List<String> words) {
        List<String> clean = words == null
                ? List.of()
                : words.stream()
                        .map(w -> w == null ? "" : w.strip())
                        .filter(w -> !w.isEmpty())
                        .distinct()
                        .toList();
        if (clean.size() < 2 || clean.size() > MAX_WORDS) {
            throw DomainException.invalid("terms must hold 2 to " + MAX_WORDS + " distinct words");
        }
        for (String word : clean) {
            if (word.length() > MAX_WORD_LENGTH || word.contains(",")) {
                throw DomainException.invalid(
                        "each term must be at most " + MAX_WORD_LENGTH + " characters, without commas: " + word);
            }
        }
        return clean;
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.split(","))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static List<List<String>> readResource() {
        try (InputStream in = SynonymService.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<List<String>> groups = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String content = line.strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    groups.add(split(content));
                }
            }
            return List.copyOf(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
