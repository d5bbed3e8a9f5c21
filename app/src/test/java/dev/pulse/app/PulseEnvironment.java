package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import java.lang.reflect.AnnotatedElement;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Which {@code PULSE_*} environment variables Pulse reads, from the code rather than a list: every
 * configuration key (through {@link ConfigLoader}), the secrets read beside the configuration, and
 * the command options whose default is {@code ${env:PULSE_…}}.
 */
final class PulseEnvironment {
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(PULSE_[A-Z0-9_]+)");

    private PulseEnvironment() {}

    /** The {@code PULSE_*} names among {@code names} that nothing in Pulse reads. */
    static Set<String> unread(Collection<String> names) {
        Set<String> unread = new TreeSet<>(ConfigLoader.unknownEnvironment(Set.copyOf(names)));
        unread.remove(WarehouseFactory.PASSWORD_ENV);
        unread.remove(BrowserSignIn.SECRET_ENV);
        unread.removeAll(commandOptions());
        return unread;
    }

    /** Environment variables that options of {@code pulse} and its subcommands default to. */
    static Set<String> commandOptions() {
        Set<String> names = new TreeSet<>();
        collect(new CommandLine(new PulseMain()), names);
        return names;
    }

    private static void collect(CommandLine command, Set<String> names) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.userObject() instanceof AnnotatedElement element
                    && element.getAnnotation(Option.class) != null) {
                Matcher env =
                        ENV_DEFAULT.matcher(element.getAnnotation(Option.class).defaultValue());
                while (env.find()) {
                    names.add(env.group(1));
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
