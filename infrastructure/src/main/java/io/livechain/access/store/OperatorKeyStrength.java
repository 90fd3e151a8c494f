package io.livechain.access.store;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a configured operator key is strong enough to guard the whole platform: long, not a published default,
 * and not guessable by zxcvbn's estimate (dictionary words, names, dates, sequences, repeats, keyboard patterns). A
 * random key of 32 bytes, base64 or hex ({@code openssl rand -base64 32}), always passes.
 */
final class OperatorKeyStrength {

    static final int MIN_LENGTH = 32;
    /** About what 30 random characters give; a passphrase of common words or a repeated phrase gives far fewer. */
    static final double MIN_GUESSES_LOG10 = 30;

    /** Published in this project's README, compose file and scripts: anyone may try them. */
    private static final Set<String> PUBLISHED =
            Set.of("change-me-operator-key", "demo-operator-key", "bench-operator-key");

    private OperatorKeyStrength() {}

    /** Why the key is weak, without repeating it; empty when it is strong. */
    static Optional<String> weakness(String key) {
        if (PUBLISHED.contains(key.toLowerCase(Locale.ROOT))) {
            return Optional.of("it is a published default");
        }
        if (key.length() < MIN_LENGTH) {
            return Optional.of("it has " + key.length() + " characters, fewer than " + MIN_LENGTH);
        }
        double guessesLog10 = new Zxcvbn().measure(key).getGuessesLog10();
        if (guessesLog10 < MIN_GUESSES_LOG10) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "it is guessable: about 10^%.0f guesses by zxcvbn's estimate, fewer than 10^%.0f (words, dates,"
                            + " sequences or repeats)",
                    guessesLog10,
                    MIN_GUESSES_LOG10));
        }
        return Optional.empty();
    }
}
