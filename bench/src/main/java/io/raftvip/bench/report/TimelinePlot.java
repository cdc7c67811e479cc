package io.raftvip.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.scenario.Timeline;
import io.raftvip.bench.watch.Interval;

/**
 * Draws one scenario's failovers, one panel per implementation: a bar per node for when it held
 * the VIP, and a strip of the client's probes coloured by the node that answered (red: lost).
 * Time is relative to the event (the dashed line).
 */
public final class TimelinePlot {

    private static final int WIDTH = 1400;
    private static final int LEFT = 150;
    private static final int RIGHT = 40;
    private static final int ROW = 26;
    private static final int PANEL_GAP = 40;
    private static final Color[] NODE_COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e)};
    private static final Color LOST = new Color(0xd62728);

    /** Creates a plotter. */
    public TimelinePlot() {
    }

    /** Writes {@code timelines} (same scenario, one per implementation) as a PNG to {@code file}. */
    public void write(List<Timeline> timelines, Path file) throws IOException {
        int nodes = timelines.get(0).nodeIds().size();
        int panelHeight = 30 + (nodes + 1) * ROW + 30;
        int height = 60 + timelines.size() * (panelHeight + PANEL_GAP);
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(timelines.get(0).scenario().title() + " - one run per implementation", LEFT, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("bars: when each node held the VIP (address watcher).  client probes every 2 ms, coloured by the "
                + "node that answered; red = no answer within 200 ms.  dashed line = the event.", LEFT, 44);
        int y = 60;
        for (Timeline t : timelines) {
            panel(g, t, y);
            y += panelHeight + PANEL_GAP;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private void panel(Graphics2D g, Timeline t, int top) {
        double spanMs = (t.toMicros() - t.fromMicros()) / 1000.0;
        double scale = (WIDTH - LEFT - RIGHT) / spanMs;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(t.implementation(), 10, top + 18);
        int rowsTop = top + 30;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        List<String> ids = t.nodeIds();
        for (int n = 0; n < ids.size(); n++) {
            int ry = rowsTop + n * ROW;
            g.setColor(new Color(0xeeeeee));
            g.fillRect(LEFT, ry + 4, WIDTH - LEFT - RIGHT, ROW - 8);
            g.setColor(Color.BLACK);
            g.drawString(ids.get(n) + " holds VIP", 10, ry + ROW / 2 + 5);
            g.setColor(NODE_COLORS[n % NODE_COLORS.length]);
            for (Interval i : t.holdings()) {
                if (i.node() == n) {
                    int x1 = x(Math.max(i.fromMicros(), t.fromMicros()), t, scale);
                    int x2 = x(Math.min(i.untilMicros(), t.toMicros()), t, scale);
                    g.fillRect(x1, ry + 4, Math.max(2, x2 - x1), ROW - 8);
                }
            }
        }
        int py = rowsTop + ids.size() * ROW;
        g.setColor(Color.BLACK);
        g.drawString("client probes", 10, py + ROW / 2 + 5);
        for (Probe p : t.probes()) {
            g.setColor(p.answered() ? NODE_COLORS[p.node() % NODE_COLORS.length] : LOST);
            int px = x(p.sentMicros(), t, scale);
            g.fillRect(px, p.answered() ? py + 6 : py + 2, 1, p.answered() ? ROW - 12 : ROW - 4);
        }
        axis(g, t, scale, py + ROW + 4);
        int ex = x(t.eventMicros(), t, scale);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(ex, rowsTop - 4, ex, py + ROW);
        g.setStroke(new BasicStroke(1f));
        g.drawString("event", ex + 4, rowsTop - 6);
    }

    private void axis(Graphics2D g, Timeline t, double scale, int y) {
        g.setColor(Color.DARK_GRAY);
        g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        double fromMs = (t.fromMicros() - t.eventMicros()) / 1000.0;
        double toMs = (t.toMicros() - t.eventMicros()) / 1000.0;
        double step = niceStep(toMs - fromMs);
        for (double ms = Math.ceil(fromMs / step) * step; ms <= toMs; ms += step) {
            int tx = x(t.eventMicros() + (long) (ms * 1000), t, scale);
            g.drawLine(tx, y, tx, y + 5);
            g.drawString(String.format("%d ms", Math.round(ms)), tx - 18, y + 19);
        }
    }

    private static double niceStep(double spanMs) {
        for (double s : new double[] {50, 100, 250, 500, 1000, 2000, 5000, 10000}) {
            if (spanMs / s <= 12) {
                return s;
            }
        }
        return 20000;
    }

    private static int x(long micros, Timeline t, double scale) {
        return LEFT + (int) Math.round((micros - t.fromMicros()) / 1000.0 * scale);
    }
}
