package io.livechain.webhook.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at startup how to give the webhook secrets their key, instead of a stack trace. */
class MissingSecretsKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretsKeys.MissingSecretsKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsKeys.MissingSecretsKey cause) {
        return new FailureAnalysis(
                cause.getMessage() + ", so that a database dump or backup does not give them away.",
                "Set LIVECHAIN_WEBHOOKS_SECRETS_KEY to the base64 of 32 random bytes (for example the output of:"
                        + " openssl rand -base64 32) and keep it like a password, apart from the database's backups."
                        + " Only on a developer's own machine, LIVECHAIN_LOCAL_DEVELOPMENT=true keeps a generated key"
                        + " in a file of LIVECHAIN_DATA_DIR instead.",
                cause);
    }
}
