package cn.kaowu.examsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.kaowu.exampackage.ItemType;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.examsite.exam.CandidateStatus;
import org.junit.jupiter.api.Test;

/**
 * As the platform's: every Chinese message has an English twin and vice versa, every literal message key of the
 * templates and of the Java code exists, every enum shown has labels, and every text {@code exam.js} asks for is
 * rendered on the page.
 */
class MessagesBundleSyncTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path JAVA = Path.of("src/main/java");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(keys("messages_en.properties"))).isEqualTo(new TreeSet<>(keys("messages.properties")));
    }

    @Test
    void everyMessageKeyInTheTemplatesExists() throws IOException {
        Set<String> all = keys("messages.properties");
        // Literal keys only: #{some.key} or #{some.key(args)}; computed ones (#messages.msg('x.' + …)) are enums below.
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(t));
                while (m.find()) {
                    if (!all.contains(m.group(1))) {
                        missing.add(RESOURCES.relativize(t) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageKeyInTheJavaCodeExists() throws IOException {
        Set<String> all = keys("messages.properties");
        Pattern literal = Pattern.compile("\"((?:refusal|flash|admin|exam|proctor|pkg|site)\\.[\\w.]*\\w)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> sources = Files.walk(JAVA)) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    found++;
                    if (!all.contains(m.group(1))) {
                        missing.add(JAVA.relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(40);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumShownOnAPageHasALabel() throws IOException {
        Set<String> keys = keys("messages.properties");
        for (CandidateStatus s : CandidateStatus.values()) {
            assertThat(keys).contains("candidate.status." + s.name());
        }
        for (SubjectKind k : SubjectKind.values()) {
            assertThat(keys).contains("subject.kind." + k.name());
        }
        for (RoomReport.IncidentKind k : RoomReport.IncidentKind.values()) {
            assertThat(keys).contains("incident.kind." + k.name());
        }
        for (ItemType t : ItemType.values()) {
            assertThat(keys).contains("item.type." + t.name());
        }
        for (RoomReport.AppealState st : RoomReport.AppealState.values()) {
            assertThat(keys).contains("appeal.state." + st.name());
        }
        for (RoomReport.AppealOutcome o : RoomReport.AppealOutcome.values()) {
            assertThat(keys).contains("appeal.outcome." + o.name());
        }
        for (RoomReport.AppealEventKind k : RoomReport.AppealEventKind.values()) {
            assertThat(keys).contains("appeal.event." + k.name());
        }
    }

    /** exam.js reads t('someName') from the paper form's data-t-some-name attribute. */
    @Test
    void everyTextOfExamJsIsRenderedOnThePaperPage() throws IOException {
        String js = Files.readString(RESOURCES.resolve("static/js/exam.js"));
        String paper = Files.readString(RESOURCES.resolve("templates/exam/paper.html"));
        Matcher m = Pattern.compile("\\bt\\('(\\w+)'").matcher(js);
        int found = 0;
        while (m.find()) {
            found++;
            String attribute = "th:data-t-" + m.group(1).replaceAll("([A-Z])", "-$1").toLowerCase();
            assertThat(paper).as("exam.js t('" + m.group(1) + "')").contains(attribute + "=");
        }
        assertThat(found).isGreaterThanOrEqualTo(10);
    }

    /** MessageFormat eats a lone apostrophe in a message with arguments; one without arguments is taken as is. */
    @Test
    void apostrophesSurviveMessageFormat() throws IOException {
        for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                boolean hasArguments = value.matches("(?s).*\\{\\d}.*") && !key.startsWith("exam.js.");
                if (hasArguments) {
                    assertThat(value.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                } else {
                    assertThat(value).as(bundle + " " + key).doesNotContain("''");
                }
            }
        }
    }

    @Test
    void aKeyedRefusalReadsInChineseWithItsArgumentsTranslated() {
        Refusal refusal = Refusal.of("refusal.absent.status", "T1", Refusal.label("candidate.status.ANSWERING"));
        assertThat(refusal.getMessage()).isEqualTo("考生 T1 当前为作答中，不能记为缺考。");
        assertThat(refusal.getCodes()).containsExactly("refusal.absent.status");
        assertThat(new Refusal("原样").getCodes()).isNull();
    }

    private static Set<String> keys(String bundle) throws IOException {
        return load(bundle).stringPropertyNames();
    }

    private static Properties load(String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(bundle))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
