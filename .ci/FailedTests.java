import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints every failed or errored test of the last build, with its message and the top of its
 * stack trace, in a few lines each. `.ci/run` calls it after a failed build so the end of the CI
 * log (often all a reader gets) names what failed instead of Maven's "see the reports".
 *
 * <p>Run as a single-file program: {@code java .ci/FailedTests.java [root]}.
 */
public final class FailedTests {
  private static final int TRACE_LINES = 8;
  private static final int MESSAGE_CHARS = 600;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    List<String> lines = new ArrayList<>();
    for (Path report : reports(root)) {
      lines.addAll(failuresIn(root, report));
    }
    System.out.println("==== Failed tests (from the surefire/failsafe reports) ====");
    if (lines.isEmpty()) {
      System.out.println("No failed test in the reports: the build failed outside a test.");
    }
    lines.forEach(System.out::println);
  }

  private static List<Path> reports(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root, 5)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("TEST-"))
          .filter(p -> p.getFileName().toString().endsWith(".xml"))
          .filter(p -> p.getParent().getFileName().toString().contains("-reports"))
          .sorted()
          .toList();
    }
  }

  private static List<String> failuresIn(Path root, Path report) throws Exception {
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    NodeList cases = document.getElementsByTagName("testcase");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      for (String kind : List.of("failure", "error")) {
        NodeList problems = testCase.getElementsByTagName(kind);
        for (int j = 0; j < problems.getLength(); j++) {
          Element problem = (Element) problems.item(j);
          lines.add(
              "%s: %s.%s (%s s) in %s"
                  .formatted(
                      kind.toUpperCase(),
                      testCase.getAttribute("classname"),
                      testCase.getAttribute("name"),
                      testCase.getAttribute("time"),
                      root.relativize(report.getParent())));
          lines.add("  " + shorten(problem.getAttribute("message")));
          problem
              .getTextContent()
              .lines()
              .filter(line -> line.contains("dev.pulse") || line.startsWith("Caused by"))
              .limit(TRACE_LINES)
              .forEach(line -> lines.add("    " + line.strip()));
        }
      }
    }
    return lines;
  }

  private static String shorten(String message) {
    String oneLine = message.replaceAll("\\s+", " ");
    return oneLine.length() <= MESSAGE_CHARS ? oneLine : oneLine.substring(0, MESSAGE_CHARS) + "…";
  }
}
