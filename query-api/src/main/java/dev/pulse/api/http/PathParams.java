package dev.pulse.api.http;

import dev.pulse.topologies.json.JsonFields;
import io.vertx.ext.web.RoutingContext;

/** Reads and validates path parameters. */
public final class PathParams {
    public static final String TENANT = "tenant";

    private PathParams() {}

    /** The {@code :tenant} path parameter, checked against the tenant id rule. */
    public static String tenant(RoutingContext ctx) {
        return tenantId(TENANT, ctx.pathParam(TENANT));
    }

    /** Checks one tenant id given under {@code parameter}. */
    public static String tenantId(String parameter, String value) {
        if (value == null || !JsonFields.TENANT_ID.matcher(value).matches()) {
            throw ProblemException.badParameter(
                    parameter,
                    "must be a tenant id (1 to 64 letters, digits, '.', '_' or '-', starting with"
                            + " a letter or digit), not '"
                            + RequestParams.echo(value == null ? "" : value)
                            + "'");
        }
        return value;
    }
}
