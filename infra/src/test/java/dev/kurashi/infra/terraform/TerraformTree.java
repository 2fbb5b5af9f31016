package dev.kurashi.infra.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The parsed Terraform of a directory tree: every top-level block of every {@code .tf} file, with the file it
 * came from (relative to the tree's root, '/'-separated). Policy rules read this model only.
 *
 * <p>hcl4j evaluates what it can while parsing: a reference stays a reference object (its {@code toString()} is
 * the address, e.g. {@code aws_s3_bucket.this.id}), an interpolated string becomes a plain string without
 * {@code ${}}, a function call usually becomes {@code null}, and {@code var.x} resolves against the variable
 * blocks of the same file. So rules check literals where the property must be a literal (flags, counts) and
 * the presence of a reference where it must be one; variables are declared in {@code variables.tf}, apart from
 * the code that uses them.
 */
public final class TerraformTree {

    public enum Kind {
        RESOURCE("resource", 2),
        DATA("data", 2),
        MODULE("module", 1),
        VARIABLE("variable", 1),
        OUTPUT("output", 1);

        final String keyword;
        final int labels;

        Kind(String keyword, int labels) {
            this.keyword = keyword;
            this.labels = labels;
        }
    }

    /** One labelled top-level block; {@code type} is empty for one-label blocks (module, variable, output). */
    public record Block(Kind kind, String type, String name, Map<String, Object> body, String file) {

        /** Directory of the file, relative to the tree's root, e.g. {@code modules/alb}. */
        public String dir() {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }

        /** {@code file: type.name} (or {@code file: module.name}), for violation messages. */
        public String where() {
            String address = type.isEmpty() ? kind.keyword + "." + name : type + "." + name;
            return file + ": " + address;
        }

        public Object get(String attribute) {
            return body.get(attribute);
        }
    }

    private final List<Block> blocks;
    private final Map<String, String> texts;

    private TerraformTree(List<Block> blocks, Map<String, String> texts) {
        this.blocks = List.copyOf(blocks);
        this.texts = Map.copyOf(texts);
    }

    /** Parses every {@code .tf} file under {@code root} (provider caches in {@code .terraform} excluded). */
    public static TerraformTree load(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(TerraformTree::isTerraformSource).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(files);
    }

    /** Parses in-memory files, relative path to HCL text (the policy tests' broken examples). */
    public static TerraformTree of(Map<String, String> files) {
        List<Block> blocks = new ArrayList<>();
        files.forEach((file, text) -> collect(file, parse(file, text), blocks));
        return new TerraformTree(blocks, files);
    }

    private static boolean isTerraformSource(Path path) {
        return path.toString().endsWith(".tf")
                && Files.isRegularFile(path)
                && !path.toString().contains("/.terraform/");
    }

    /**
     * One parser per file, so that {@code var.x} never resolves against another file's variables. hcl4j 0.9.4
     * prints its evaluation steps to System.out; they are swallowed so the build log stays readable.
     */
    private static synchronized Map<String, Object> parse(String file, String text) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new HCLParser().parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("hcl4j cannot parse " + file + ": " + e.getMessage(), e);
        } finally {
            System.setOut(out);
        }
    }

    private static void collect(String file, Map<String, Object> document, List<Block> into) {
        for (Kind kind : Kind.values()) {
            for (Map.Entry<String, Object> first :
                    Hcl.map(document.get(kind.keyword)).entrySet()) {
                if (kind.labels == 1) {
                    into.add(new Block(kind, "", first.getKey(), Hcl.map(first.getValue()), file));
                    continue;
                }
                for (Map.Entry<String, Object> second :
                        Hcl.map(first.getValue()).entrySet()) {
                    into.add(new Block(kind, first.getKey(), second.getKey(), Hcl.map(second.getValue()), file));
                }
            }
        }
    }

    public List<Block> blocks() {
        return blocks;
    }

    /**
     * The source text of every file, by relative path: for what the block model leaves out (provider blocks,
     * locals, arguments hcl4j evaluates to null such as {@code jsonencode(...)}).
     */
    public Map<String, String> texts() {
        return texts;
    }

    public Stream<Block> resources(String type) {
        return blocks.stream().filter(b -> b.kind() == Kind.RESOURCE && b.type().equals(type));
    }

    public Stream<Block> data(String type) {
        return blocks.stream().filter(b -> b.kind() == Kind.DATA && b.type().equals(type));
    }

    public Stream<Block> ofKind(Kind kind) {
        return blocks.stream().filter(b -> b.kind() == kind);
    }

    public Stream<Block> inDir(String dir) {
        return blocks.stream().filter(b -> b.dir().equals(dir));
    }

    /** Variables of the module in {@code dir}, by name. */
    public Map<String, Block> variables(String dir) {
        Map<String, Block> variables = new TreeMap<>();
        ofKind(Kind.VARIABLE).filter(b -> b.dir().equals(dir)).forEach(b -> variables.put(b.name(), b));
        return variables;
    }

    /** Module calls whose (local) source ends with {@code modules/<name>}. */
    public Stream<Block> moduleCalls(String moduleName) {
        return ofKind(Kind.MODULE).filter(call -> Hcl.string(call.get("source"))
                .filter(source -> source.endsWith("modules/" + moduleName))
                .isPresent());
    }

    /** Directory of a local module call's source, relative to the root; empty for registry or git sources. */
    public static Optional<String> sourceDir(Block call) {
        return Hcl.string(call.get("source"))
                .filter(source -> source.startsWith("./") || source.startsWith("../"))
                .map(source -> Path.of(call.dir())
                        .resolve(source)
                        .normalize()
                        .toString()
                        .replace('\\', '/'));
    }

    /**
     * The value a module call gives an input: the argument, else the module variable's default (when the module
     * is part of the tree), else empty.
     */
    public Optional<Object> input(Block call, String name) {
        if (call.body().containsKey(name)) {
            return Optional.ofNullable(call.get(name));
        }
        return sourceDir(call)
                .map(dir -> variables(dir).get(name))
                .flatMap(variable -> Optional.ofNullable(variable.get("default")));
    }
}
