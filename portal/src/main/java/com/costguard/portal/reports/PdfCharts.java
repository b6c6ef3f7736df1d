package com.costguard.portal.reports;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.math.BigDecimal;
import java.util.List;

/**
 * Charts drawn with iText's canvas on a form XObject, placed in the flow like an image: a pie with
 * its legend, and horizontal bars (negatives to the left of a zero line). Values are drawn from the
 * report's exact figures; only the geometry uses doubles.
 */
final class PdfCharts {

  static final Color[] PALETTE = {
    new DeviceRgb(0x25, 0x63, 0xeb),
    new DeviceRgb(0x16, 0xa3, 0x4a),
    new DeviceRgb(0xf5, 0x9e, 0x0b),
    new DeviceRgb(0xdc, 0x26, 0x26),
    new DeviceRgb(0x7c, 0x3a, 0xed),
    new DeviceRgb(0x0d, 0x94, 0x88),
    new DeviceRgb(0xdb, 0x27, 0x77),
    new DeviceRgb(0x64, 0x74, 0x8b)
  };

  /** A slice or bar: its label, its value, how the value is written, its colour. */
  record Item(String label, BigDecimal value, String shown, Color color) {}

  private static final float WIDTH = 500;

  private PdfCharts() {}

  /** A pie of the positive values with a legend beside it ("Acme — $287.32 (23.4%)"). */
  static Image pie(ReportPdf report, List<Item> items) {
    List<Item> slices = items.stream().filter(i -> i.value().signum() > 0).toList();
    float rowHeight = 16;
    float height = Math.max(190, slices.size() * rowHeight + 20);
    PdfFormXObject form = new PdfFormXObject(new Rectangle(WIDTH, height));
    PdfCanvas canvas = new PdfCanvas(form, report.pdf());
    double total = slices.stream().mapToDouble(i -> i.value().doubleValue()).sum();
    double cx = 95;
    double cy = height / 2;
    double r = 85;
    double start = 90;
    for (Item slice : slices) {
      double extent = -360 * slice.value().doubleValue() / total;
      canvas.setFillColor(slice.color()).setStrokeColor(DeviceRgb.WHITE).setLineWidth(1);
      if (slices.size() == 1) {
        canvas.circle(cx, cy, r);
      } else {
        canvas.moveTo(cx, cy).arcContinuous(cx - r, cy - r, cx + r, cy + r, start, extent);
        canvas.closePath();
      }
      canvas.fillStroke();
      start += extent;
    }
    try (Canvas text = new Canvas(form, report.pdf())) {
      float y = height - 18;
      for (Item slice : slices) {
        canvas.setFillColor(slice.color()).rectangle(210, y - 5, 10, 10).fill();
        text.showTextAligned(
            new Paragraph(report.safe(slice.label()) + "  " + slice.shown())
                .setFont(report.regular())
                .setFontSize(9)
                .setFontColor(ReportPdf.INK),
            226,
            y,
            TextAlignment.LEFT,
            VerticalAlignment.MIDDLE);
        y -= rowHeight;
      }
    }
    return new Image(form).setMarginBottom(8);
  }

  /** Horizontal bars, one a row, label on the left and the value written after the bar. */
  static Image bars(ReportPdf report, List<Item> items) {
    float row = 20;
    float height = items.size() * row + 10;
    float labelWidth = 150;
    float valueWidth = 80;
    float area = WIDTH - labelWidth - valueWidth - 10;
    double min =
        Math.min(0, items.stream().mapToDouble(i -> i.value().doubleValue()).min().orElse(0));
    double max =
        Math.max(0, items.stream().mapToDouble(i -> i.value().doubleValue()).max().orElse(0));
    double span = max - min == 0 ? 1 : max - min;
    double zero = labelWidth + 5 + (-min) * area / span;
    PdfFormXObject form = new PdfFormXObject(new Rectangle(WIDTH, height));
    PdfCanvas canvas = new PdfCanvas(form, report.pdf());
    try (Canvas text = new Canvas(form, report.pdf())) {
      float y = height - row / 2 - 5;
      for (Item item : items) {
        double length = item.value().doubleValue() * area / span;
        double x = length < 0 ? zero + length : zero;
        canvas.setFillColor(item.color()).rectangle(x, y - 6, Math.abs(length), 12).fill();
        text.showTextAligned(
            new Paragraph(shortened(report.safe(item.label()), 30))
                .setFont(report.regular())
                .setFontSize(8.5f)
                .setFontColor(ReportPdf.INK),
            labelWidth,
            y,
            TextAlignment.RIGHT,
            VerticalAlignment.MIDDLE);
        text.showTextAligned(
            new Paragraph(item.shown())
                .setFont(report.bold())
                .setFontSize(8.5f)
                .setFontColor(ReportPdf.INK),
            (float) Math.max(zero, x + Math.abs(length)) + 4,
            y,
            TextAlignment.LEFT,
            VerticalAlignment.MIDDLE);
        y -= row;
      }
    }
    canvas
        .setStrokeColor(ReportPdf.MUTED)
        .setLineWidth(0.5f)
        .moveTo(zero, 2)
        .lineTo(zero, height - 2);
    canvas.stroke();
    return new Image(form).setMarginBottom(8);
  }

  private static String shortened(String label, int max) {
    return label.length() <= max ? label : label.substring(0, max - 1) + "…";
  }
}
