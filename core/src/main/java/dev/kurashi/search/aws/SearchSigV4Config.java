package dev.kurashi.search.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * SigV4 signing of the OpenSearch requests. The Amazon OpenSearch Service domain admits only the ECS task roles,
 * so in AWS every request is signed (service {@code es}) with the task role's credentials; the devstack's
 * OpenSearch needs no signing, so it is off by default.
 */
@ConfigMapping(prefix = "kurashi.search.aws-sigv4")
public interface SearchSigV4Config {

    @WithDefault("false")
    boolean enabled();

    /** The domain's region; without it the SDK's default region chain decides (AWS_REGION in ECS). */
    Optional<String> region();
}
