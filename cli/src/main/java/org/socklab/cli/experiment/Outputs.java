package org.socklab.cli.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.socklab.grader.feedback.Language;

/**
 * Writes the figures: {@value #CSV}, {@value #SVG} and, where Java2D can draw text,
 * {@value #PNG}, all in one folder. Stateless and thread-safe.
 */
final class Outputs {
    static final String CSV = "experiment.csv";
    static final String SVG = "experiment.svg";
    static final String PNG = "experiment.png";

    private Outputs() {}

    /**
     * Writes the files; returns the names written, in order.
     *
     * @throws ExperimentFailure if the folder cannot be written
     */
    static List<String> write(
            List<CaseResult> results, String submission, Language language, Path folder, boolean png) {
        List<String> written = new ArrayList<>();
        Chart chart = new Chart(results, submission, language);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(CSV), CsvFile.render(results), StandardCharsets.UTF_8);
            written.add(CSV);
            SvgCanvas svg = new SvgCanvas(Chart.WIDTH, Chart.HEIGHT);
            chart.draw(svg);
            Files.writeString(folder.resolve(SVG), svg.finish(), StandardCharsets.UTF_8);
            written.add(SVG);
            if (png) {
                PngCanvas canvas = new PngCanvas(Chart.WIDTH, Chart.HEIGHT);
                chart.draw(canvas);
                ImageIO.write(canvas.finish(), "png", folder.resolve(PNG).toFile());
                written.add(PNG);
            }
        } catch (IOException e) {
            throw new ExperimentFailure(
                    Messages.of("error.cannotWrite", folder.toString(), String.valueOf(e.getMessage())));
        }
        return written;
    }
}
