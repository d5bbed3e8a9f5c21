package dev.pulse.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.api.http.ProblemException;
import dev.pulse.topologies.json.PulseJson;
import org.junit.jupiter.api.Test;

class ApiKeyAdminHandlerTest {
    private static ApiKeyAdminHandler.NewKey parse(String json) throws Exception {
        return ApiKeyAdminHandler.parse(PulseJson.mapper().readTree(json));
    }

    private static String problem(String json) {
        try {
            parse(json);
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.detail();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void readsANewKey() throws Exception {
        assertThat(
                        parse(
                                "{\"name\":\"looker\",\"role\":\"analyst\",\"scope\":\"team\","
                                        + "\"actsAs\":\"VP@example.com\"}"))
                .isEqualTo(
                        new ApiKeyAdminHandler.NewKey(
                                "looker", Role.ANALYST, ScopeSpec.TEAM, "vp@example.com"));
        assertThat(parse("{\"name\":\"etl\",\"role\":\"ingest\"}").scope())
                .isEqualTo(ScopeSpec.NONE);
        assertThat(
                        parse(
                                        "{\"name\":\"acme\",\"role\":\"customer-admin\",\"scope\":\"tenant:acme\"}")
                                .scope())
                .isEqualTo(ScopeSpec.tenant("acme"));
    }

    @Test
    void explainsEachMistake() {
        assertThat(problem("{\"role\":\"viewer\"}")).startsWith("field 'name' is required");
        assertThat(problem("{\"name\":\"x\"}")).startsWith("field 'role' is required");
        assertThat(problem("{\"name\":\"x\",\"role\":\"boss\"}"))
                .startsWith("field 'role' is unknown");
        assertThat(problem("{\"name\":\"x\",\"role\":\"viewer\",\"scope\":\"world\"}"))
                .startsWith("field 'scope' is unknown");
        assertThat(problem("{\"name\":\"x\",\"role\":\"viewer\"}"))
                .startsWith("field 'actsAs' is required with scope own");
        assertThat(
                        problem(
                                "{\"name\":\"x\",\"role\":\"viewer\",\"scope\":\"own\",\"actsAs\":\"nope\"}"))
                .startsWith("field 'actsAs' must be an e-mail address");
        assertThat(problem("{\"name\":\"x\",\"role\":\"customer-admin\",\"scope\":\"all\"}"))
                .startsWith("field 'scope' must be tenant:<id>");
        assertThat(problem("{\"name\":\"x\",\"role\":\"viewer\",\"scope\":\"tenant:bad id\"}"))
                .contains("'scope'");
        assertThat(problem("{\"name\":\"x\",\"role\":\"admin\",\"actAs\":\"a@b.c\"}"))
                .startsWith("unknown fields [actAs]");
        assertThat(problem("{\"name\":7,\"role\":\"admin\"}"))
                .isEqualTo("field 'name' must be a string");
    }

    @Test
    void neverListsTheHash() {
        assertThat(ApiKeyAdminHandler.KeyView.class.getRecordComponents())
                .extracting(c -> c.getName())
                .doesNotContain("secretHash", "key", "secret");
    }
}
