package io.livechain.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the schema (dropping the old one: every start is a fresh sale) and the bench merchant, and authenticates
 * API keys: the SHA-256 of each merchant's key is stored in the database and loaded into a map at start, so a
 * request costs one hash and one map lookup, no query.
 */
@Component
class Merchants {

    private final Map<String, UUID> merchantByKeyHash = new ConcurrentHashMap<>();

    Merchants(JdbcTemplate jdbc, @Value("${baseline.merchant-key:bench-merchant-key}") String merchantKey)
            throws IOException {
        String schema = new ClassPathResource("schema.sql").getContentAsString(StandardCharsets.UTF_8);
        for (String statement : schema.split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        jdbc.update(
                "INSERT INTO bl_merchant (id, name, api_key_hash) VALUES (?, 'Bench', ?)",
                UUID.randomUUID(),
                hash(merchantKey));
        jdbc.query(
                "SELECT id, api_key_hash FROM bl_merchant",
                row -> {
                    merchantByKeyHash.put(row.getString("api_key_hash"), row.getObject("id", UUID.class));
                });
    }

    /** The merchant whose key is in {@code Authorization: Bearer <key>}. */
    Optional<UUID> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return Optional.ofNullable(merchantByKeyHash.get(hash(authorization.substring(7).trim())));
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
