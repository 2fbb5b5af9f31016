package dev.kurashi.customer;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Web sessions ended by a logout (issue 12). The session cookie is self-contained (encrypted tokens), so clearing
 * it in the browser does not end a copy saved earlier: the ID token it carries is recorded here until it expires,
 * and every node treats a request that still carries it as signed out. Only SHA-256 digests are stored.
 */
@ApplicationScoped
public class SessionRevocationService {

    private final EntityManager em;

    public SessionRevocationService(EntityManager em) {
        this.em = em;
    }

    /** Ends the session of this ID token everywhere; rows of tokens that expired anyway are pruned on the way. */
    @Transactional
    @WithSpan
    public void revoke(String idToken, Instant expiresAt) {
        em.createNativeQuery("DELETE FROM web_session_revocations WHERE expires_at < now()")
                .executeUpdate();
        em.createNativeQuery("INSERT INTO web_session_revocations (token_hash, expires_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (token_hash) DO NOTHING")
                .setParameter(1, digest(idToken))
                .setParameter(2, expiresAt)
                .executeUpdate();
    }

    @Transactional
    public boolean isRevoked(String idToken) {
        return !em.createNativeQuery("SELECT 1 FROM web_session_revocations WHERE token_hash = ?1")
                .setParameter(1, digest(idToken))
                .getResultList()
                .isEmpty();
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
