package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No secret value is written into the Terraform: attributes and variables named like a password or secret
 * ({@code password}, {@code *_password}, {@code secret}, {@code *_secret}, {@code secret_string},
 * {@code secret_binary}) never hold a string literal, nor do CloudFront origin headers or ALB header conditions
 * (the origin-verify secret). References (random_password, module outputs, variables) are fine.
 */
final class SecretLiteralRule implements PolicyRule {

    private static final Pattern SECRET_NAME = Pattern.compile("(^|_)(password|secret)$|^secret_(string|binary)$");

    @Override
    public String description() {
        return "No secret literal (passwords, secret_string, origin header values)";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block block : tree.blocks()) {
            checked++;
            if (block.kind() == TerraformTree.Kind.VARIABLE) {
                if (SECRET_NAME.matcher(block.name()).find() && block.get("default") instanceof String) {
                    violations.add(block.where() + ": a secret variable with a literal default");
                }
                continue;
            }
            walk(block, "", block.body(), violations);
        }
        return new Findings(checked, violations);
    }

    private static void walk(
            TerraformTree.Block block, String path, Map<String, Object> body, List<String> violations) {
        body.forEach((name, value) -> {
            String at = path.isEmpty() ? name : path + "." + name;
            if (value instanceof String && SECRET_NAME.matcher(name).find()) {
                violations.add(block.where() + ": " + at + " is a literal");
            }
            if (name.equals("custom_header")) {
                Hcl.blocks(body, name).stream()
                        .filter(header -> header.get("value") instanceof String)
                        .forEach(header -> violations.add(block.where() + ": " + at + " value is a literal"));
            }
            if (name.equals("http_header")) {
                Hcl.blocks(body, name).stream()
                        .filter(header ->
                                Hcl.list(header.get("values")).stream().anyMatch(String.class::isInstance))
                        .forEach(header -> violations.add(block.where() + ": " + at + " values are literals"));
            }
            for (Object element : Hcl.list(value)) {
                if (element instanceof Map<?, ?> nested) {
                    walk(block, at, Hcl.map(nested), violations);
                }
            }
        });
    }
}
