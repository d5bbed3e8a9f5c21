package dev.pulse.api.openapi;

import dev.pulse.api.http.MediaTypes;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the OpenAPI 3.0 document, read once from the classpath. */
public final class OpenApiHandler implements Handler<RoutingContext> {
    /** Classpath resource holding the document. */
    public static final String RESOURCE = "openapi.yaml";

    private final Buffer document;

    private OpenApiHandler(Buffer document) {
        this.document = document;
    }

    public static OpenApiHandler fromClasspath() {
        try (InputStream in = OpenApiHandler.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return new OpenApiHandler(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.YAML + "; charset=utf-8")
                .end(document);
    }
}
