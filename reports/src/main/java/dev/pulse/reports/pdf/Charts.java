package dev.pulse.reports.pdf;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.summary.BandCounts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The reports' charts, built with JFreeChart in one plain style. */
final class Charts {
    static final Color HEALTHY = new Color(0x2E7D32);
    static final Color NEUTRAL = new Color(0xF9A825);
    static final Color AT_RISK = new Color(0xC62828);
    private static final Color LINE = new Color(0x1F4E79);
    private static final Color SECOND = new Color(0x7B8794);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    private Charts() {}

    /**
     * The score by day over the bands' zones: green from {@code healthy} up, amber between, red
     * below {@code atRisk}.
     */
    static JFreeChart score(AccountReview review, double healthy, double atRisk) {
        TimeSeries score = new TimeSeries("Health score");
        review.history().forEach(d -> score.addOrUpdate(day(d.day()), d.score()));
        JFreeChart chart =
                ChartFactory.createTimeSeriesChart(
                        null, null, "score", new TimeSeriesCollection(score), false, false, false);
        XYPlot plot = style(chart);
        plot.getRangeAxis().setRange(0, 100);
        plot.addRangeMarker(zone(healthy, 100, HEALTHY), Layer.BACKGROUND);
        plot.addRangeMarker(zone(atRisk, healthy, NEUTRAL), Layer.BACKGROUND);
        plot.addRangeMarker(zone(0, atRisk, AT_RISK), Layer.BACKGROUND);
        return chart;
    }

    /** Active users and features adopted by day; licensed seats as a flat line when known. */
    static JFreeChart usage(AccountReview review) {
        TimeSeries users = new TimeSeries("Active users");
        TimeSeries adopted = new TimeSeries("Features adopted (cumulative)");
        TimeSeries seats = new TimeSeries("Licensed seats");
        Long licensed = review.seats().licensed();
        review.usage()
                .forEach(
                        u -> {
                            users.add(day(u.day()), u.activeUsers());
                            adopted.add(day(u.day()), u.featuresAdopted());
                            if (licensed != null) {
                                seats.add(day(u.day()), licensed);
                            }
                        });
        TimeSeriesCollection data = new TimeSeriesCollection(users);
        data.addSeries(adopted);
        if (licensed != null) {
            data.addSeries(seats);
        }
        JFreeChart chart =
                ChartFactory.createTimeSeriesChart(null, null, null, data, true, false, false);
        XYPlot plot = style(chart);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(1, SECOND);
        renderer.setSeriesPaint(2, AT_RISK);
        renderer.setSeriesStroke(
                2,
                new BasicStroke(
                        1f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        1f,
                        new float[] {4, 3},
                        0));
        chart.getLegend().setItemFont(LABEL);
        return chart;
    }

    /** Events by day. */
    static JFreeChart events(AccountReview review) {
        TimeSeries events = new TimeSeries("Events");
        review.usage().forEach(u -> events.add(day(u.day()), u.events()));
        JFreeChart chart =
                ChartFactory.createTimeSeriesChart(
                        null,
                        null,
                        "events",
                        new TimeSeriesCollection(events),
                        false,
                        false,
                        false);
        style(chart);
        return chart;
    }

    /** Accounts per band at the start and at the end of the period. */
    static JFreeChart bands(BandCounts start, BandCounts end) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(start.healthy(), "At start", "Healthy");
        data.addValue(start.neutral(), "At start", "Neutral");
        data.addValue(start.atRisk(), "At start", "At risk");
        data.addValue(end.healthy(), "At end", "Healthy");
        data.addValue(end.neutral(), "At end", "Neutral");
        data.addValue(end.atRisk(), "At end", "At risk");
        JFreeChart chart =
                ChartFactory.createBarChart(
                        null, null, "accounts", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(LABEL);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getRangeAxis().setTickLabelFont(LABEL);
        plot.getDomainAxis().setTickLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, SECOND);
        renderer.setSeriesPaint(1, LINE);
        return chart;
    }

    private static XYPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getRenderer().setSeriesPaint(0, LINE);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(1.5f));
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTickLabelFont(LABEL);
        plot.getRangeAxis().setTickLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
        return plot;
    }

    private static IntervalMarker zone(double from, double to, Color color) {
        IntervalMarker marker = new IntervalMarker(from, to);
        marker.setPaint(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40));
        marker.setOutlinePaint(null);
        return marker;
    }

    private static Day day(LocalDate date) {
        return new Day(
                Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()),
                java.util.TimeZone.getTimeZone(ZoneOffset.UTC),
                java.util.Locale.ROOT);
    }
}
