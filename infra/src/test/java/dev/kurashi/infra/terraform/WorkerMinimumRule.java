package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The workers stay redundant: queue-worker scales on SQS depth with a minimum of 2 tasks, batch-worker (a Quartz
 * cluster) runs exactly 2, unscaled. Values come from the ecs-service module calls, or the module's defaults.
 */
final class WorkerMinimumRule implements PolicyRule {

    @Override
    public String description() {
        return "queue-worker scales on SQS depth with at least 2 tasks; batch-worker runs 2 tasks";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        Map<String, List<TerraformTree.Block>> callsByService = new java.util.TreeMap<>();
        tree.moduleCalls("ecs-service").forEach(call -> callsByService
                .computeIfAbsent(String.valueOf(call.get("service")), s -> new ArrayList<>())
                .add(call));
        if (!callsByService.isEmpty()) {
            for (String worker : List.of("queue-worker", "batch-worker")) {
                if (!callsByService.containsKey(worker)) {
                    violations.add("no ecs-service module call for " + worker);
                }
            }
        }
        int checked = 0;
        for (TerraformTree.Block call : callsByService.getOrDefault("queue-worker", List.of())) {
            checked++;
            expect(tree, call, "scaling", "sqs_backlog", violations);
            atLeast(tree, call, "min_capacity", 2, violations);
            atLeast(tree, call, "desired_count", 2, violations);
        }
        for (TerraformTree.Block call : callsByService.getOrDefault("batch-worker", List.of())) {
            checked++;
            expect(tree, call, "scaling", "none", violations);
            OptionalDouble desired = number(tree, call, "desired_count");
            if (desired.isEmpty() || desired.getAsDouble() != 2) {
                violations.add(call.where() + ": desired_count must be 2 (a literal), found " + describe(desired));
            }
        }
        return new Findings(checked, violations);
    }

    private static void expect(
            TerraformTree tree, TerraformTree.Block call, String input, String value, List<String> violations) {
        Optional<Object> actual = tree.input(call, input);
        if (!actual.map(value::equals).orElse(false)) {
            violations.add(call.where() + ": " + input + " must be " + value + ", found " + actual.orElse("nothing"));
        }
    }

    private static void atLeast(
            TerraformTree tree, TerraformTree.Block call, String input, int minimum, List<String> violations) {
        OptionalDouble value = number(tree, call, input);
        if (value.isEmpty() || value.getAsDouble() < minimum) {
            violations.add(
                    call.where() + ": " + input + " must be a literal >= " + minimum + ", found " + describe(value));
        }
    }

    private static OptionalDouble number(TerraformTree tree, TerraformTree.Block call, String input) {
        return tree.input(call, input).map(Hcl::number).orElse(OptionalDouble.empty());
    }

    private static String describe(OptionalDouble value) {
        return value.isPresent() ? String.valueOf((long) value.getAsDouble()) : "no literal";
    }
}
