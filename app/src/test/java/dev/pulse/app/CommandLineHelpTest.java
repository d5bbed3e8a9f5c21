package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command and subcommand of {@code pulse} explains itself with {@code --help}. */
class CommandLineHelpTest {

    @Test
    void everyCommandHasHelpADescriptionAndExamplesAndPrintsThemWithExitCodeZero() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new PulseMain()), commands);
        assertThat(commands)
                .extracting(c -> c.getCommandSpec().qualifiedName())
                .contains("pulse", "pulse history backfill", "pulse report account");

        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            assertThat(spec.mixinStandardHelpOptions()).as("%s has --help", name).isTrue();
            assertThat(String.join(" ", spec.usageMessage().description()))
                    .as("%s has a description", name)
                    .isNotBlank();

            StringWriter out = new StringWriter();
            CommandLine root = new CommandLine(new PulseMain());
            root.setOut(new PrintWriter(out));
            List<String> args = new ArrayList<>(List.of(name.split(" ")));
            args.remove(0);
            args.add("--help");
            int exit = root.execute(args.toArray(String[]::new));

            assertThat(exit).as("exit code of %s --help", name).isZero();
            assertThat(out.toString())
                    .as("help of %s", name)
                    .startsWith("Usage: " + name)
                    .contains("-h, --help")
                    .contains("Examples:")
                    .contains("./pulse");
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
