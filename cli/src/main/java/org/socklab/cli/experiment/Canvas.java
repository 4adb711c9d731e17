package org.socklab.cli.experiment;

import java.awt.Color;

/**
 * The few drawing operations the chart needs, so that one drawing makes both the SVG and the PNG.
 * Coordinates in pixels from the top left corner.
 */
interface Canvas {
    /** Where a text's anchor point is: its start, middle or end. */
    enum Anchor {
        START,
        MIDDLE,
        END
    }

    void line(double x1, double y1, double x2, double y2, Color color, double width);

    void dot(double x, double y, double radius, Color color);

    /** Text whose baseline passes through (x, y); {@code vertical} turns it a quarter left, about (x, y). */
    void text(double x, double y, String text, Anchor anchor, double size, boolean bold, boolean vertical);
}
