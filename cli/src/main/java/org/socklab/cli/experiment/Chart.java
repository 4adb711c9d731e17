package org.socklab.cli.experiment;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socklab.grader.feedback.Language;

/**
 * The plot a student puts in a report: mean response time against simultaneous clients, one line
 * per server, with a legend. It draws on any {@link Canvas}; the axes are linear, from zero.
 *
 * <p>Immutable and thread-safe.
 */
final class Chart {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    private static final double LEFT = 80;
    private static final double RIGHT = 30;
    private static final double TOP = 60;
    private static final double BOTTOM = 70;
    private static final Color[] COLORS = {new Color(0xC0392B), new Color(0x1F6FB2), new Color(0x27864A)};
    private static final Color AXIS = new Color(0x333333);
    private static final Color GRID = new Color(0xDDDDDD);

    private final List<CaseResult> results;
    private final String submission;
    private final Language language;

    Chart(List<CaseResult> results, String submission, Language language) {
        this.results = List.copyOf(results);
        this.submission = submission;
        this.language = language;
    }

    void draw(Canvas canvas) {
        Map<Server, List<CaseResult>> lines = new LinkedHashMap<>();
        for (CaseResult result : results) {
            if (result.completed() > 0) {
                lines.computeIfAbsent(result.server(), server -> new ArrayList<>())
                        .add(result);
            }
        }
        double maxClients = results.stream().mapToInt(CaseResult::clients).max().orElse(1);
        double top = niceCeiling(
                results.stream().mapToDouble(CaseResult::meanMillis).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        canvas.text(
                WIDTH / 2.0, 30, Messages.of("chart.title").render(language), Canvas.Anchor.MIDDLE, 18, true, false);
        for (int i = 0; i <= 5; i++) {
            double value = top * i / 5;
            double y = TOP + plotHeight - plotHeight * i / 5;
            canvas.line(LEFT, y, LEFT + plotWidth, y, GRID, 1);
            canvas.text(LEFT - 8, y + 4, tick(value, top / 5), Canvas.Anchor.END, 12, false, false);
        }
        for (int clients :
                results.stream().map(CaseResult::clients).distinct().sorted().toList()) {
            double x = LEFT + plotWidth * clients / maxClients;
            canvas.line(x, TOP + plotHeight, x, TOP + plotHeight + 5, AXIS, 1);
            canvas.text(x, TOP + plotHeight + 20, Integer.toString(clients), Canvas.Anchor.MIDDLE, 12, false, false);
        }
        canvas.line(LEFT, TOP, LEFT, TOP + plotHeight, AXIS, 1.5);
        canvas.line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, AXIS, 1.5);
        canvas.text(
                LEFT + plotWidth / 2,
                HEIGHT - 20,
                Messages.of("chart.x").render(language),
                Canvas.Anchor.MIDDLE,
                14,
                false,
                false);
        canvas.text(
                25,
                TOP + plotHeight / 2,
                Messages.of("chart.y").render(language),
                Canvas.Anchor.MIDDLE,
                14,
                false,
                true);
        int index = 0;
        for (Map.Entry<Server, List<CaseResult>> line : lines.entrySet()) {
            Color color = COLORS[index % COLORS.length];
            double previousX = Double.NaN;
            double previousY = Double.NaN;
            for (CaseResult result : line.getValue()) {
                double x = LEFT + plotWidth * result.clients() / maxClients;
                double y = TOP + plotHeight - plotHeight * result.meanMillis() / top;
                if (!Double.isNaN(previousX)) {
                    canvas.line(previousX, previousY, x, y, color, 2.5);
                }
                canvas.dot(x, y, 4.5, color);
                previousX = x;
                previousY = y;
            }
            double legendY = TOP + 10 + 22 * index;
            canvas.line(LEFT + 20, legendY - 4, LEFT + 50, legendY - 4, color, 2.5);
            canvas.dot(LEFT + 35, legendY - 4, 4.5, color);
            canvas.text(
                    LEFT + 58,
                    legendY,
                    Messages.serverName(line.getKey(), submission).render(language),
                    Canvas.Anchor.START,
                    13,
                    false,
                    false);
            index++;
        }
    }

    /** A tick's label, with as many decimals as the step between ticks needs. */
    private String tick(double value, double step) {
        int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
        return String.format(language.locale(), "%." + decimals + "f", value);
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}, so the ticks are round. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
