package org.socklab.cli.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/**
 * A {@link Canvas} that draws into an image with Java2D, headless. Drawing text needs a font
 * that the JDK finds through fontconfig (Debian's JDK packages bring {@code fonts-dejavu-core});
 * {@link #fontsWork()} tells beforehand whether this machine has one. Not thread-safe.
 */
final class PngCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D graphics;

    PngCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
    }

    /**
     * Whether Java2D can draw text here: without fontconfig or any font, a headless JDK fails on
     * its first string (an {@link Error} from deep in AWT), which must not end the experiment.
     */
    static boolean fontsWork() {
        try {
            BufferedImage probe = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = probe.createGraphics();
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            graphics.drawString("Aé1", 0, 8);
            graphics.dispose();
            return true;
        } catch (Exception | Error e) {
            return false;
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width) {
        graphics.setColor(color);
        graphics.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void dot(double x, double y, double radius, Color color) {
        graphics.setColor(color);
        graphics.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(double x, double y, String text, Anchor anchor, double size, boolean bold, boolean vertical) {
        Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size));
        graphics.setFont(font);
        graphics.setColor(Color.BLACK);
        double width = graphics.getFontMetrics().stringWidth(text);
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform saved = graphics.getTransform();
        graphics.translate(x, y);
        if (vertical) {
            graphics.rotate(-Math.PI / 2);
        }
        graphics.drawString(text, (float) shift, 0f);
        graphics.setTransform(saved);
    }

    BufferedImage finish() {
        graphics.dispose();
        return image;
    }
}
