package com.costguard.portal.reports;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.IBlockElement;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The frame every PDF report shares: a title page, headings, figures, tables whose header row
 * repeats on each page they break onto, charts ({@link PdfCharts}) and "Page n of m" at the foot of
 * every page. Every text that came from a person goes through {@link #safe}.
 */
final class ReportPdf implements AutoCloseable {

  static final Color INK = new DeviceRgb(0x1f, 0x29, 0x37);
  static final Color MUTED = new DeviceRgb(0x6b, 0x72, 0x80);
  static final Color HEADER = new DeviceRgb(0xe5, 0xe7, 0xeb);
  static final Color GREEN = new DeviceRgb(0x16, 0xa3, 0x4a);
  static final Color YELLOW = new DeviceRgb(0xca, 0x8a, 0x04);
  static final Color RED = new DeviceRgb(0xdc, 0x26, 0x26);
  static final Color BLUE = new DeviceRgb(0x25, 0x63, 0xeb);

  private final PdfDocument pdf;
  private final Document document;
  private final PdfFont regular;
  private final PdfFont bold;

  ReportPdf(OutputStream out, Paper paper, String title) {
    try {
      pdf = new PdfDocument(new PdfWriter(out));
      pdf.getDocumentInfo().setTitle(title).setCreator("Costguard");
      // Not flushed page by page: the page count is known, and written on each page, at the end.
      document = new Document(pdf, paper.size(), false);
      document.setMargins(50, 45, 55, 45);
      regular = PdfFontFactory.createFont(StandardFonts.HELVETICA);
      bold = PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD);
      document.setFont(regular).setFontSize(10).setFontColor(INK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PdfDocument pdf() {
    return pdf;
  }

  PdfFont regular() {
    return regular;
  }

  PdfFont bold() {
    return bold;
  }

  /**
   * A person's text as the report's font can show it: control characters become spaces and a
   * character the standard font has no glyph for becomes '?', rather than vanishing or breaking the
   * layout. (A PDF has no markup to inject; what a reader sees must be what was entered.)
   */
  String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                shown.append(' ');
              } else if (regular.containsGlyph(cp)) {
                shown.appendCodePoint(cp);
              } else {
                shown.append('?');
              }
            });
    return shown.toString();
  }

  /** The first page: title, what it covers, when it was made; the report starts on page 2. */
  void titlePage(String title, String subtitle, List<String> lines) {
    document.add(new Paragraph("Costguard").setFont(bold).setFontSize(14).setFontColor(BLUE));
    document.add(new Paragraph(safe(title)).setFont(bold).setFontSize(28).setMarginTop(180));
    document.add(new Paragraph(safe(subtitle)).setFontSize(16).setFontColor(MUTED));
    for (String line : lines) {
      document.add(new Paragraph(safe(line)).setFontSize(11).setMarginTop(2));
    }
    document.add(new AreaBreak());
  }

  void heading(String text) {
    document.add(
        new Paragraph(safe(text))
            .setFont(bold)
            .setFontSize(15)
            .setMarginTop(14)
            .setMarginBottom(6)
            .setKeepWithNext(true));
  }

  void paragraph(String text) {
    document.add(new Paragraph(safe(text)));
  }

  void note(String text) {
    document.add(new Paragraph(safe(text)).setFontSize(9).setFontColor(MUTED));
  }

  /** Label / value pairs in two columns, values in bold. */
  void figures(List<String[]> pairs) {
    Table table =
        new Table(UnitValue.createPercentArray(new float[] {55, 45})).useAllAvailableWidth();
    for (String[] pair : pairs) {
      table.addCell(plain(pair[0]).setBorder(Border.NO_BORDER));
      table.addCell(plain(pair[1]).setFont(bold).setBorder(Border.NO_BORDER));
    }
    document.add(table);
  }

  /** A table whose header row is repeated on every page it runs onto. */
  Table table(float[] widths, String... headers) {
    Table table = new Table(UnitValue.createPercentArray(widths)).useAllAvailableWidth();
    table.setFontSize(8.5f);
    for (String header : headers) {
      table.addHeaderCell(
          new Cell()
              .add(new Paragraph(header).setFont(bold))
              .setBackgroundColor(HEADER)
              .setBorder(new SolidBorder(HEADER, 0.5f)));
    }
    return table;
  }

  Cell text(String value) {
    return plain(value).setBorder(Border.NO_BORDER).setBorderBottom(new SolidBorder(HEADER, 0.5f));
  }

  Cell number(String value) {
    return text(value).setTextAlignment(TextAlignment.RIGHT);
  }

  private Cell plain(String value) {
    return new Cell().add(new Paragraph(safe(value)));
  }

  void add(IBlockElement element) {
    document.add(element);
  }

  /** A chart under its heading, kept on one page so a heading never ends a page alone. */
  void chart(String heading, com.itextpdf.layout.element.Image image) {
    com.itextpdf.layout.element.Div block =
        new com.itextpdf.layout.element.Div().setKeepTogether(true);
    if (heading != null) {
      block.add(
          new Paragraph(safe(heading))
              .setFont(bold)
              .setFontSize(15)
              .setMarginTop(14)
              .setMarginBottom(6));
    }
    block.add(image);
    document.add(block);
  }

  /** Page numbers on every page, then the document is written out. */
  @Override
  public void close() {
    int pages = pdf.getNumberOfPages();
    for (int i = 1; i <= pages; i++) {
      Rectangle page = pdf.getPage(i).getPageSize();
      document.showTextAligned(
          new Paragraph("Page %d of %d".formatted(i, pages)).setFontSize(8).setFontColor(MUTED),
          page.getWidth() / 2,
          25,
          i,
          TextAlignment.CENTER,
          VerticalAlignment.BOTTOM,
          0);
    }
    document.close();
  }
}
