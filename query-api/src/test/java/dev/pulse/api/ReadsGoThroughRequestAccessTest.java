package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.auth.ApiAuthenticationHandler;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.internal.InternalStateHandler;
import dev.pulse.streams.read.TenantStateReader;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule that keeps authorization in one place: no handler gets the unchecked read layer. Reads
 * go through {@link RequestAccess#reader}, the request's scope-checked reader; only the
 * authentication handler sees {@link ApiDependencies#reader()}, to wrap it.
 */
class ReadsGoThroughRequestAccessTest {
    /** Classes that may hold a {@link TenantStateReader}, and why. */
    private static final Set<Class<?>> ALLOWED =
            Set.of(
                    ApiDependencies.class, // where it comes from
                    ApiAuthenticationHandler.class, // wraps it in the caller's scope
                    RequestAccess.class, // carries the wrapped reader of one request
                    InternalStateHandler.class); // local reads for other instances, token-guarded

    private static final Path MAIN = Path.of("src/main/java/dev/pulse/api");

    @Test
    void onlyTheRouterPassesTheUncheckedReaderAndOnlyToAuthentication() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("deps.reader()") || source.contains("dependencies.reader()")) {
                    offenders.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(offenders)
                .as(
                        "handlers must read through RequestAccess.reader(ctx), never"
                                + " ApiDependencies.reader(); only ApiRouter hands it to the"
                                + " authentication handler")
                .containsExactly("ApiRouter.java");
        String router = Files.readString(MAIN.resolve("ApiRouter.java"));
        assertThat(router.split("deps\\.reader\\(\\)", -1)).hasSize(2);
        assertThat(router)
                .containsPattern(
                        "new ApiAuthenticationHandler\\(\\s*security,\\s*deps\\.reader\\(\\)");
    }

    @Test
    void noOtherClassHoldsAReader() throws IOException, URISyntaxException {
        Path classes =
                Path.of(
                        ApiRouter.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (ALLOWED.contains(type) || !holdsReader(type)) {
                    continue;
                }
                offenders.add(type.getName());
            }
        }
        assertThat(offenders)
                .as(
                        "take the reader from RequestAccess.reader(ctx) inside handle(), and pass"
                                + " it down as a parameter; do not keep one in a field or"
                                + " constructor")
                .allMatch(ReadsGoThroughRequestAccessTest::perRequestHelper);
    }

    private static boolean holdsReader(Class<?> type) {
        boolean field =
                Arrays.stream(type.getDeclaredFields())
                        .map(Field::getType)
                        .anyMatch(TenantStateReader.class::isAssignableFrom);
        boolean constructor =
                Arrays.stream(type.getDeclaredConstructors())
                        .map(Constructor::getParameterTypes)
                        .flatMap(Arrays::stream)
                        .anyMatch(TenantStateReader.class::isAssignableFrom);
        return field || constructor;
    }

    /** Made inside a handler for one request, from the request's reader: fine. */
    private static boolean perRequestHelper(String className) {
        return className.equals("dev.pulse.api.summary.SummaryReader");
    }
}
