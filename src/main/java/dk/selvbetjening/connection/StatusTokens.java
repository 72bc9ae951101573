package dk.selvbetjening.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secret in a request's status link: an HMAC of the reference, so nothing secret is stored per request and
 * a repeated submission gets the same link. The key comes from {@code selvbetjening.connection.token-secret} (required
 * in production, see {@link ConnectionProperties}); on the embedded default without it, it is generated once and kept
 * in the database (never in the repository). The token is never logged or audited.
 */
@Component
class StatusTokens {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConnectionProperties properties;
    private volatile byte[] key;

    StatusTokens(JdbcClient jdbc, TransactionTemplate transactions, ConnectionProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    String tokenFor(String reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(reference.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The supplier's status page of the request, with its token. */
    String statusPath(String reference) {
        return "/tilslut/status/" + reference + "?token=" + tokenFor(reference);
    }

    boolean matches(String reference, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(reference).getBytes(StandardCharsets.UTF_8),
                token.strip().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] current = key;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (key == null) {
                String secret = properties.tokenSecret();
                if (secret == null || secret.isBlank()) {
                    secret = storedSecret();
                }
                key = secret.getBytes(StandardCharsets.UTF_8);
            }
            return key;
        }
    }

    private String storedSecret() {
        return transactions.execute(status -> {
            var existing = jdbc.sql("SELECT secret FROM connection_secret WHERE id = 1").query(String.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            jdbc.sql("INSERT INTO connection_secret (id, secret) VALUES (1, :secret)").param("secret", secret).update();
            return secret;
        });
    }
}
