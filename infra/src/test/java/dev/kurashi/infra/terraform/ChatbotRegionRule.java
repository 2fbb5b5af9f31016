package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Chatbot's API exists only in us-east-2, us-west-2, eu-west-1 and ap-southeast-1 (Chatbot API Reference), so
 * each Chatbot resource names a provider alias, and every root configuration that reaches it configures that
 * alias in one of those regions.
 */
final class ChatbotRegionRule implements PolicyRule {

    static final Set<String> CHATBOT_REGIONS = Set.of("us-east-2", "us-west-2", "eu-west-1", "ap-southeast-1");
    private static final Pattern PROVIDER = Pattern.compile("(?m)^provider\\s+\"aws\"\\s*\\{");
    private static final Pattern ALIAS = Pattern.compile("(?m)^\\s*alias\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REGION = Pattern.compile("(?m)^\\s*region\\s*=\\s*\"([^\"]+)\"");

    @Override
    public String description() {
        return "AWS Chatbot resources are created through a provider in a region with the Chatbot API";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> chatbot = tree.blocks().stream()
                .filter(b -> b.kind() == TerraformTree.Kind.RESOURCE && b.type().startsWith("aws_chatbot_"))
                .toList();
        for (TerraformTree.Block resource : chatbot) {
            Object provider = resource.get("provider");
            if (provider == null || !provider.toString().startsWith("aws.")) {
                violations.add(resource.where() + ": no provider alias; the default provider's region "
                        + "has no Chatbot API (regions with one: " + CHATBOT_REGIONS + ")");
                continue;
            }
            String alias = provider.toString().substring("aws.".length());
            for (String root : Modules.roots(tree)) {
                if (!Modules.reachable(tree, root).contains(resource.dir())) {
                    continue;
                }
                Optional<String> region = aliasRegion(Modules.text(tree, root), alias);
                if (region.isEmpty()) {
                    violations.add(root + ": no provider \"aws\" with alias " + alias + " for " + resource.where());
                } else if (!CHATBOT_REGIONS.contains(region.get())) {
                    violations.add(root + ": provider aws." + alias + " is in " + region.get()
                            + ", which has no Chatbot API (" + resource.where() + ")");
                }
            }
        }
        return new Findings(chatbot.size(), violations);
    }

    /** The region of the {@code provider "aws"} block with this alias, from the configuration's text. */
    static Optional<String> aliasRegion(String text, String alias) {
        for (Map.Entry<String, String> provider : providerBlocks(text).entrySet()) {
            if (provider.getKey().equals(alias)) {
                return Optional.of(provider.getValue());
            }
        }
        return Optional.empty();
    }

    /** alias (empty for the default provider) to region, of each top-level provider "aws" block. */
    private static Map<String, String> providerBlocks(String text) {
        Map<String, String> providers = new java.util.LinkedHashMap<>();
        Matcher start = PROVIDER.matcher(text);
        while (start.find()) {
            int depth = 0;
            int end = start.end() - 1;
            for (int i = end; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            String body = text.substring(start.end(), end);
            Matcher alias = ALIAS.matcher(body);
            Matcher region = REGION.matcher(body);
            providers.put(alias.find() ? alias.group(1) : "", region.find() ? region.group(1) : "");
        }
        return providers;
    }
}
