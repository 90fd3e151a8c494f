package io.livechain.access.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at startup what to do about a weak operator key, instead of a stack trace. */
class WeakOperatorKeyFailureAnalyzer extends AbstractFailureAnalyzer<WeakOperatorKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakOperatorKey cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". The operator key guards every participant's data.",
                "Set LIVECHAIN_ADMIN_API_KEY to a random key of at least " + OperatorKeyStrength.MIN_LENGTH
                        + " characters (for example the output of: openssl rand -base64 32), or leave it unset to"
                        + " have one generated and logged once. Only on a developer's own machine,"
                        + " LIVECHAIN_LOCAL_DEVELOPMENT=true accepts a weak key.",
                cause);
    }
}
