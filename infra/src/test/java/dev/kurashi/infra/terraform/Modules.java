package dev.kurashi.infra.terraform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walking the module graph and nested values, for rules that follow a value across modules. */
final class Modules {

    private Modules() {}

    /** The directory and every module directory it reaches through local module calls, transitively. */
    static Set<String> reachable(TerraformTree tree, String dir) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(dir));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            tree.inDir(next)
                    .filter(block -> block.kind() == TerraformTree.Kind.MODULE)
                    .forEach(call -> TerraformTree.sourceDir(call).ifPresent(todo::push));
        }
        return seen;
    }

    /** Root configurations: the directories under envs/ (what `terraform apply` runs in). */
    static Set<String> roots(TerraformTree tree) {
        Set<String> roots = new LinkedHashSet<>();
        tree.blocks().stream()
                .map(TerraformTree.Block::dir)
                .filter(d -> d.startsWith("envs/"))
                .forEach(roots::add);
        tree.texts().keySet().stream()
                .filter(file -> file.startsWith("envs/") && file.indexOf('/', 5) > 0)
                .map(file -> file.substring(0, file.lastIndexOf('/')))
                .forEach(roots::add);
        return roots;
    }

    /** Module calls (anywhere in the tree) of the module in {@code dir}. */
    static List<TerraformTree.Block> callsOf(TerraformTree tree, String dir) {
        return tree.ofKind(TerraformTree.Kind.MODULE)
                .filter(call ->
                        TerraformTree.sourceDir(call).filter(dir::equals).isPresent())
                .toList();
    }

    /** Text of every file in {@code dir}, concatenated. */
    static String text(TerraformTree tree, String dir) {
        StringBuilder text = new StringBuilder();
        tree.texts().forEach((file, content) -> {
            if (file.substring(0, Math.max(0, file.lastIndexOf('/'))).equals(dir)) {
                text.append(content).append('\n');
            }
        });
        return text.toString();
    }

    /**
     * Every value stored under {@code key} at any depth of a block body; for a {@code dynamic "key"} block, its
     * {@code content}.
     */
    static List<Map<String, Object>> deepBlocks(Object value, String key) {
        List<Map<String, Object>> found = new ArrayList<>();
        collect(value, key, false, found);
        return found;
    }

    private static void collect(Object value, String key, boolean underDynamic, List<Map<String, Object>> found) {
        if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, key, underDynamic, found));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (key.equals(k)) {
                    for (Object item : Hcl.list(v)) {
                        Map<String, Object> block = Hcl.map(item);
                        found.add(underDynamic && block.containsKey("content") ? Hcl.map(block.get("content")) : block);
                    }
                }
                collect(v, key, "dynamic".equals(k), found);
            });
        }
    }

    /** Whether a list (or single value) holds a string starting with {@code prefix}. */
    static boolean anyStartsWith(Object values, String prefix) {
        return Hcl.list(values).stream().anyMatch(v -> v != null && v.toString().startsWith(prefix));
    }
}
