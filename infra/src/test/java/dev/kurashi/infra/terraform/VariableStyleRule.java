package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/** House style: every variable says what it is for and what type it has. */
final class VariableStyleRule implements PolicyRule {

    @Override
    public String description() {
        return "Every variable has a description and a type";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> variables =
                tree.ofKind(TerraformTree.Kind.VARIABLE).toList();
        for (TerraformTree.Block variable : variables) {
            if (!(variable.get("description") instanceof String description) || description.isBlank()) {
                violations.add(variable.where() + ": no description");
            }
            if (!variable.body().containsKey("type")) {
                violations.add(variable.where() + ": no type");
            }
        }
        return new Findings(variables.size(), violations);
    }
}
