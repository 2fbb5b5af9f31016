package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `terraform fmt -check` over infra: the one Terraform check that needs no provider download. */
class TerraformFormatTest {

    @Test
    void infraIsFormatted() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff", "infra")
                    .directory(Repository.root().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            fail(
                    "terraform is not on PATH. Install Terraform 1.10 or newer (the build machines and CI have "
                            + "1.11.4); this check runs `terraform fmt -check -recursive infra`.",
                    e);
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("terraform fmt finished")
                .isTrue();

        assertThat(process.exitValue())
                .as("terraform fmt -check found unformatted files; run `terraform fmt -recursive infra`:%n%s", output)
                .isZero();
    }
}
