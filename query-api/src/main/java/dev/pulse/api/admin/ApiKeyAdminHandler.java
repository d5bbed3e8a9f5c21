package dev.pulse.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.apikeys.ApiKey;
import dev.pulse.access.apikeys.ApiKeyStore;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.api.audit.AuditTrail;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.MediaTypes;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /v1/admin/api-keys}: admins create keys for BI tools and scripts (the key is in the answer
 * once and never again: only a hash of its secret is stored), list them without any secret or hash,
 * and revoke them. Writes wait for Kafka, so they run on the worker pool.
 */
public final class ApiKeyAdminHandler {
    /** Path parameter naming a key. */
    public static final String ID = "id";

    static final String WARNING = "store this key now; it is not shown again";

    private static final Set<String> FIELDS = Set.of("name", "role", "scope", "actsAs");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final int MAX_NAME = 100;

    private final ApiKeyStore store;
    private final BlockingReads workers;

    public ApiKeyAdminHandler(ApiKeyStore store, BlockingReads workers) {
        this.store = store;
        this.workers = workers;
    }

    /** A key as listed: everything but the secret and its hash. */
    record KeyView(
            String id,
            String name,
            Role role,
            ScopeSpec scope,
            String actsAs,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            boolean revoked) {
        static KeyView of(ApiKey key) {
            return new KeyView(
                    key.id(),
                    key.name(),
                    key.role(),
                    key.scope(),
                    key.actsAs(),
                    key.createdAt(),
                    key.createdBy(),
                    key.revokedAt(),
                    key.revoked());
        }
    }

    /** The answer to a creation: the one time the key itself is shown. */
    record CreatedKey(
            String id,
            String key,
            String name,
            Role role,
            ScopeSpec scope,
            String actsAs,
            Instant createdAt,
            String warning) {}

    record KeyList(int count, List<KeyView> keys) {}

    /** What a creation request asks for, validated. */
    record NewKey(String name, Role role, ScopeSpec scope, String actsAs) {}

    /** {@code POST /v1/admin/api-keys}. */
    public void create(RoutingContext ctx) {
        NewKey request = parse(ctx);
        String admin = RequestAccess.principal(ctx).subject();
        workers.run(
                        () -> {
                            try {
                                return store.create(
                                        request.name(),
                                        request.role(),
                                        request.scope(),
                                        request.actsAs(),
                                        admin);
                            } catch (IllegalArgumentException e) {
                                throw ProblemException.badRequest(e.getMessage());
                            }
                        })
                .onSuccess(
                        created -> {
                            ApiKey key = created.apiKey();
                            AuditTrail.of(ctx)
                                    .detail(
                                            "created API key "
                                                    + key.id()
                                                    + " ("
                                                    + key.role().label()
                                                    + ", "
                                                    + key.scope()
                                                    + ")");
                            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                            JsonReply.send(
                                    ctx,
                                    201,
                                    new CreatedKey(
                                            key.id(),
                                            created.key(),
                                            key.name(),
                                            key.role(),
                                            key.scope(),
                                            key.actsAs(),
                                            key.createdAt(),
                                            WARNING));
                        })
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/admin/api-keys}. */
    public void list(RoutingContext ctx) {
        workers.respondJson(
                ctx,
                () -> {
                    List<KeyView> keys = store.list().stream().map(KeyView::of).toList();
                    return new KeyList(keys.size(), keys);
                });
    }

    /** {@code DELETE /v1/admin/api-keys/{id}}. */
    public void revoke(RoutingContext ctx) {
        String id = ctx.pathParam(ID);
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw ProblemException.badParameter(
                    ID, "must be an API key id (letters, digits, '_' or '-'), as listed");
        }
        String admin = RequestAccess.principal(ctx).subject();
        workers.run(() -> store.revoke(id, admin))
                .onSuccess(
                        found -> {
                            if (!found) {
                                ctx.fail(
                                        ProblemException.notFound(
                                                "no API key with id '" + id + "'"));
                                return;
                            }
                            AuditTrail.of(ctx).detail("revoked API key " + id);
                            ctx.response().setStatusCode(204).end();
                        })
                .onFailure(ctx::fail);
    }

    static NewKey parse(RoutingContext ctx) {
        String type = MediaTypes.essence(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (!type.isEmpty() && !type.equals(MediaTypes.JSON)) {
            throw ProblemException.unsupportedMediaType(
                    "send the new key as application/json, not " + type);
        }
        JsonNode body;
        try {
            body =
                    ctx.body() == null || ctx.body().buffer() == null
                            ? null
                            : PulseJson.mapper().readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest("the body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest(
                    "send a JSON object: {\"name\": ..., \"role\": ..., \"scope\": ...,"
                            + " \"actsAs\": ...}");
        }
        return parse(body);
    }

    static NewKey parse(JsonNode body) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest(
                    "unknown fields " + unknown + "; a new key has name, role, scope and actsAs");
        }
        String name = text(body, "name");
        if (name == null
                || name.length() > MAX_NAME
                || name.chars().anyMatch(Character::isISOControl)) {
            throw field("name", "is required: what uses the key, 1 to " + MAX_NAME + " characters");
        }
        String roleText = text(body, "role");
        if (roleText == null) {
            throw field(
                    "role",
                    "is required: viewer, analyst, manager, admin, customer-admin or ingest");
        }
        Role role;
        try {
            role = Role.fromLabel(roleText);
        } catch (IllegalArgumentException e) {
            throw field("role", "is unknown: " + e.getMessage());
        }
        String scopeText = text(body, "scope");
        ScopeSpec scope;
        try {
            scope = scopeText == null ? ScopeSpec.defaultFor(role) : ScopeSpec.parse(scopeText);
        } catch (IllegalArgumentException e) {
            throw field("scope", "is unknown: " + e.getMessage());
        }
        if (scope.kind() == ScopeSpec.Kind.TENANT) {
            PathParams.tenantId("scope", scope.tenantId());
        }
        String actsAs = text(body, "actsAs");
        if (actsAs != null) {
            if (!EMAIL.matcher(actsAs).matches()) {
                throw field("actsAs", "must be an e-mail address, e.g. sarah@example.com");
            }
            actsAs = actsAs.toLowerCase(Locale.ROOT);
        }
        boolean relative =
                scope.kind() == ScopeSpec.Kind.OWN || scope.kind() == ScopeSpec.Kind.TEAM;
        if (relative && actsAs == null) {
            throw field(
                    "actsAs",
                    "is required with scope "
                            + scope
                            + ": the e-mail whose accounts the key may read");
        }
        if (role == Role.CUSTOMER_ADMIN && scope.kind() != ScopeSpec.Kind.TENANT) {
            throw field(
                    "scope", "must be tenant:<id> for role customer-admin (exactly one tenant)");
        }
        return new NewKey(name, role, scope, actsAs);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw field(field, "must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static ProblemException field(String field, String problem) {
        return ProblemException.badRequest("field '" + field + "' " + problem)
                .with("parameter", field);
    }
}
