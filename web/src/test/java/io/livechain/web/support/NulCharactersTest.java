package io.livechain.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

    @Test
    void finds_an_escaped_nul_in_a_string() {
        assertThat(NulCharacters.in(json("{\"name\":\"Acme\\u0000\"}"))).isTrue();
        assertThat(NulCharacters.in(json("{\"name\":\"Acme\\U0000\"}"))).isTrue();
    }

    @Test
    void finds_a_raw_nul() {
        assertThat(NulCharacters.in(new byte[] {'{', 0, '}'})).isTrue();
    }

    @Test
    void leaves_other_escapes_and_an_escaped_backslash_alone() {
        assertThat(NulCharacters.in(json("{\"name\":\"a\\u00e9 \\n \\\\u0000\"}")))
                .isFalse();
        assertThat(NulCharacters.in(json("{\"name\":\"u0000\"}"))).isFalse();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
