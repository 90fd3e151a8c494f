package io.livechain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signs_as_the_standard_webhooks_specification_example_does() {
        // the example of the Standard Webhooks specification: secret, id, timestamp, body and the signature it gives
        var secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSignature.sign(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signs_with_every_secret_newest_first_during_a_rotation() {
        var newer = WebhookSecret.generate();
        var older = WebhookSecret.generate();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        String signatures = WebhookSignature.sign(List.of(newer, older), "id", 1L, body);

        assertThat(signatures.split(" "))
                .containsExactly(
                        "v1," + WebhookSignature.signature(newer, "id", 1L, body),
                        "v1," + WebhookSignature.signature(older, "id", 1L, body));
    }

    @Test
    void a_secret_is_never_shown_by_to_string() {
        var secret = WebhookSecret.generate();

        assertThat(secret.value()).startsWith("whsec_").hasSizeGreaterThan(30);
        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
    }
}
