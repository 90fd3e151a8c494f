package io.livechain.webhook.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key of the webhook secrets comes from: {@code livechain.webhooks.secrets-key} (and the earlier keys of
 * {@code livechain.webhooks.previous-secrets-keys}). Without it, on the embedded database or in local development
 * ({@code livechain.local-development=true}), a key generated once and kept in {@code <livechain.data-dir>/}{@value
 * #KEY_FILE} (readable by its owner only), so the one-command start needs nothing and restarts read what earlier
 * runs wrote; on an external database otherwise, the platform does not start ({@link MissingSecretsKey}).
 */
final class SecretsKeys {

    static final String SETTING = "livechain.webhooks.secrets-key";
    static final String PREVIOUS_SETTING = "livechain.webhooks.previous-secrets-keys";
    static final String KEY_FILE = "webhook-secrets.key";
    private static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SecretsKeys.class);

    private SecretsKeys() {}

    static SecretCipher cipher(
            WebhookProperties settings, boolean localDevelopment, boolean embeddedDatabase, Path dataDir) {
        List<byte[]> previous = new ArrayList<>();
        for (int i = 0; i < settings.previousSecretsKeys().size(); i++) {
            previous.add(decode(settings.previousSecretsKeys().get(i), PREVIOUS_SETTING + "[" + i + "]"));
        }
        if (!settings.secretsKey().isEmpty()) {
            return new SecretCipher(decode(settings.secretsKey(), SETTING), previous);
        }
        if (!localDevelopment && !embeddedDatabase) {
            throw new MissingSecretsKey();
        }
        Path file = dataDir.resolve(KEY_FILE).toAbsolutePath();
        SecretCipher cipher = new SecretCipher(keyFile(file), previous);
        log.info(
                "Webhook secrets are encrypted with the key {} kept in {} ({} is unset: local development or the"
                        + " embedded database only)",
                cipher.currentKeyId(),
                file,
                SETTING);
        return cipher;
    }

    /** The key in the file, made at the first start. */
    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                try {
                    create(file);
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                    return key;
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another start made it first: use that one
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot keep the webhook secrets key in " + file, failed);
        }
    }

    private static void create(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(where + " is not base64 (make a key with: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + " is the base64 of " + key.length + " bytes, not " + KEY_BYTES
                    + " (make a key with: openssl rand -base64 32)");
        }
        return key;
    }

    /** No key for the webhook secrets, on an external database outside local development. */
    static final class MissingSecretsKey extends IllegalStateException {
        MissingSecretsKey() {
            super(SETTING + " (LIVECHAIN_WEBHOOKS_SECRETS_KEY) is not set: webhook signing secrets are encrypted with"
                    + " it in the database");
        }
    }
}
