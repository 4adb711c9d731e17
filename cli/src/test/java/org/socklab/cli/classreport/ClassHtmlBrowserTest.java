package org.socklab.cli.classreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code class.html} in a real browser, headless Chromium, offline: one grid row per student with
 * a link to their own report that exists, a distribution per exercise, the tests most students fail
 * with their feedback shown as text (never as markup), and a screenshot that is a page, not a blank.
 * The screenshot is kept as {@code target/class-report.png} for a person to look at.
 */
class ClassHtmlBrowserTest {
    private static final Pattern STUDENT_ROW =
            Pattern.compile("<tr class=\"student\"[^>]*><th>(?:<a href=\"([^\"]+)\">)?([^<]+)");

    @TempDir
    Path temp;

    @Test
    void should_render_one_row_per_student_the_distributions_and_the_tests_most_fail() throws IOException {
        Path folder = sampleClass();

        String dom = Chromium.dumpDom(folder.resolve("class.html"), temp.resolve("chromium"));

        List<String> students = new ArrayList<>();
        Matcher row = STUDENT_ROW.matcher(dom);
        while (row.find()) {
            students.add(row.group(2));
            if (row.group(1) != null) {
                assertThat(folder.resolve(row.group(1)))
                        .as("the report %s links to", row.group(1))
                        .isRegularFile();
            }
        }
        assertThat(students).containsExactly("ana", "bia", "caio", "lia", "duda");
        assertThat(dom)
                .contains("5 students: 4 graded, 0 failed, 1 not graded")
                .contains("cannot fetch the repository: repository not found")
                .contains("<figure class=\"distribution\" data-exercise=\"echocaps\">")
                .contains("data-test=\"echoesAOneMebibyteLine\"")
                .contains("3 of 4")
                .contains("no reply within 10 s to &lt;b&gt;")
                .doesNotContain("<b>\"echoes");
        assertThat(countOf(dom, "<rect ")).as("one bar per possible score").isEqualTo(6);
    }

    @Test
    void should_take_a_screenshot_of_a_page_with_the_grid_in_colour() throws IOException {
        Path folder = sampleClass();
        Path png = Path.of("target", "class-report.png");
        Files.createDirectories(png.getParent());

        Chromium.screenshot(folder.resolve("class.html"), png, 1200, 900, temp.resolve("chromium"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("pixels in colour: the grid and the bars").isGreaterThan(200);
    }

    private Path sampleClass() {
        List<ClassRow> rows = List.of(
                SampleClass.graded("ana"),
                SampleClass.graded("bia", "echoesAOneMebibyteLine"),
                SampleClass.graded(
                        "caio",
                        "echoesAOneMebibyteLine",
                        "framesALineSentOneByteAtATime",
                        "decodesLongCharactersSentOneByteAtATime"),
                SampleClass.graded(
                        "lia",
                        "echoesAOneMebibyteLine",
                        "framesALineSentOneByteAtATime",
                        "repliesToOneLine",
                        "decodesACharacterSplitAcrossWrites",
                        "decodesLongCharactersSentOneByteAtATime"),
                ClassRow.notGraded("duda", 1, "cannot fetch the repository: repository not found", 0));
        List<List<String>> failures = List.of(
                List.of(),
                List.of("echoesAOneMebibyteLine"),
                List.of(
                        "echoesAOneMebibyteLine",
                        "framesALineSentOneByteAtATime",
                        "decodesLongCharactersSentOneByteAtATime"),
                List.of(
                        "echoesAOneMebibyteLine",
                        "framesALineSentOneByteAtATime",
                        "repliesToOneLine",
                        "decodesACharacterSplitAcrossWrites",
                        "decodesLongCharactersSentOneByteAtATime"),
                List.of());
        return SampleClass.folder(temp.resolve("class"), rows, failures);
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
