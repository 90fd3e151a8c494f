package io.livechain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.shared.InvalidField;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    /** A resolver of our own: no test depends on the machine's DNS. */
    private static final Map<String, String> NAMES = Map.of(
            "hooks.example.com", "93.184.216.34",
            "inside.example.com", "10.1.2.3",
            "localhost", "127.0.0.1");

    private final WebhookTargets guarded = new WebhookTargets(false, WebhookTargetsTest::resolve);
    private final WebhookTargets open = new WebhookTargets(true, WebhookTargetsTest::resolve);

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = NAMES.getOrDefault(host, host);
        if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    @Test
    void accepts_a_public_https_url() {
        assertThat(guarded.checkSubscribed("https://hooks.example.com/livechain?x=1", "url"))
                .isEqualTo(URI.create("https://hooks.example.com/livechain?x=1"));
        assertThat(guarded.refusal(URI.create("https://hooks.example.com/livechain")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost/hook",
                "http://127.0.0.1:8080/hook",
                "http://[::1]/hook",
                "http://10.0.0.5/hook",
                "http://172.16.0.1/hook",
                "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://224.0.0.1/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://inside.example.com/hook"
            })
    void refuses_loopback_private_link_local_and_other_inner_addresses(String url) {
        assertThatThrownBy(() -> guarded.checkSubscribed(url, "url"))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        refused -> assertThat(refused.field()).isEqualTo("url"));
        assertThat(guarded.refusal(URI.create(url))).isPresent();
    }

    @Test
    void allows_inner_addresses_only_when_told_to() {
        assertThat(open.checkSubscribed("http://127.0.0.1:8080/hook", "url")).isNotNull();
        assertThat(open.refusal(URI.create("http://127.0.0.1:8080/hook"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.example.com/x",
                "file:///etc/passwd",
                "hooks.example.com/x",
                "https://user:pass@hooks.example.com/x",
                "https://hooks.example.com/x#part",
                "https://",
                "not a url",
                ""
            })
    void refuses_what_is_not_an_absolute_http_url_without_credentials(String url) {
        assertThatThrownBy(() -> guarded.checkSubscribed(url, "url"))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        refused -> assertThat(refused.field()).isEqualTo("url"));
    }

    @Test
    void a_host_not_found_now_is_accepted_and_refused_at_delivery_until_it_resolves() {
        assertThat(guarded.checkSubscribed("https://nowhere.invalid/hook", "url"))
                .isNotNull();
        assertThat(guarded.refusal(URI.create("https://nowhere.invalid/hook")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not found"));
    }
}
