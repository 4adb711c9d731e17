package org.socklab.cli.experiment;

import java.awt.Color;
import java.util.Locale;

/**
 * A {@link Canvas} that writes SVG text. Text is left to the viewer's fonts, so writing an SVG
 * needs no font on this machine. Not thread-safe.
 */
final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height) {
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n",
                width,
                height,
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1,
                y1,
                x2,
                y2,
                hex(color),
                width));
    }

    @Override
    public void dot(double x, double y, double radius, Color color) {
        svg.append(String.format(
                Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", x, y, radius, hex(color)));
    }

    @Override
    public void text(double x, double y, String text, Anchor anchor, double size, boolean bold, boolean vertical) {
        String anchorName = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" text-anchor=\"%s\"%s%s>",
                x,
                y,
                size,
                anchorName,
                bold ? " font-weight=\"bold\"" : "",
                vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : ""));
        svg.append(escape(text)).append("</text>\n");
    }

    String finish() {
        return svg + "</svg>\n";
    }

    private static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
