package dev.pulse.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The served {@code openapi.yaml} passes two independent strict checks: the reference parser
 * (swagger-parser) reports no message, and the document validates against the official OpenAPI 3.0
 * JSON Schema. Both catch what a lenient reader hides, such as a flow-mapping description cut at
 * its first {@code ", "} into a stray key.
 */
class OpenApiDocumentTest {
    private static final String DOCUMENT = read();

    @Test
    void parsesWithoutDuplicateKeys() {
        // A repeated key silently replaces the first with a lenient parser.
        assertThatCode(OpenApiDocumentTest::strictTree).doesNotThrowAnyException();
    }

    @Test
    void theReferenceParserReportsNoMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(DOCUMENT, null, options);

        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void validatesAgainstTheOpenApi30Schema() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            OpenAPIVersion version = OpenAPIVersion.V3_0;
            SchemaRepository repository = await(version.getRepository(vertx, "app:///"));
            OutputUnit result =
                    await(
                            version.validateContract(
                                    vertx, repository, new JsonObject(strictTree())));

            assertThat(leafErrors(result)).as("OpenAPI 3.0 schema errors").isEmpty();
            assertThat(result.getValid()).isTrue();
        } finally {
            await(vertx.close());
        }
    }

    /**
     * The innermost errors only: the schema's basic output also reports every enclosing {@code
     * oneOf} and {@code $ref} that failed because of them.
     */
    private static List<String> leafErrors(OutputUnit result) {
        List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
        return errors.stream()
                .filter(
                        error ->
                                errors.stream()
                                        .noneMatch(
                                                other ->
                                                        other.getInstanceLocation()
                                                                .startsWith(
                                                                        error.getInstanceLocation()
                                                                                + "/")))
                .map(
                        error ->
                                URLDecoder.decode(
                                                error.getInstanceLocation(), StandardCharsets.UTF_8)
                                        + ": "
                                        + error.getError())
                .distinct()
                .collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strictTree() {
        ObjectMapper yaml =
                new ObjectMapper(
                        YAMLFactory.builder()
                                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                .build());
        try {
            return yaml.readValue(DOCUMENT, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String read() {
        try (InputStream in =
                OpenApiDocumentTest.class
                        .getClassLoader()
                        .getResourceAsStream(OpenApiHandler.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
