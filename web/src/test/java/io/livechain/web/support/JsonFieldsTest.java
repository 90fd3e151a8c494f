package io.livechain.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void finds_an_escaped_nul_and_names_its_field() {
        assertThat(JsonFields.firstForbiddenText(JSON, json("{\"name\":\"Acme\\u0000\"}")))
                .contains(new JsonFields.Invalid("name", "the character U+0000 is not allowed"));
    }

    @Test
    void names_a_field_inside_arrays_and_objects() {
        var body = json("{\"offers\":[{\"sku\":\"A\"},{\"sku\":\"B\\u202e\"}],\"title\":\"ok\"}");
        assertThat(JsonFields.firstForbiddenText(JSON, body).orElseThrow().field())
                .isEqualTo("offers[1].sku");
    }

    @Test
    void finds_control_characters_written_as_short_escapes_and_in_property_names() {
        assertThat(JsonFields.firstForbiddenText(JSON, json("{\"reason\":\"a\\tb\"}")))
                .isPresent();
        assertThat(JsonFields.firstForbiddenText(JSON, json("{\"x\\u0001\":1}")))
                .isPresent();
    }

    @Test
    void finds_raw_c1_controls_and_lone_surrogates() {
        assertThat(JsonFields.firstForbiddenText(JSON, json("{\"name\":\"a\u0085\"}")))
                .isPresent();
        assertThat(JsonFields.firstForbiddenText(JSON, json("{\"name\":\"a\\ud800\"}")))
                .isPresent();
    }

    @Test
    void lets_plain_text_through_whatever_its_script() {
        assertThat(JsonFields.firstForbiddenText(JSON, json("{\"name\":\"Café 東京 \\\\u0000 😀\",\n \"n\": 1}")))
                .isEmpty();
    }

    @Test
    void leaves_a_body_that_is_not_json_to_the_reader() {
        assertThat(JsonFields.firstForbiddenText(JSON, new byte[] {'{', 0, '}'}))
                .isEmpty();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
