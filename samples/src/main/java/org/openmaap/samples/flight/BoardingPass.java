package org.openmaap.samples.flight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A one-page PDF boarding pass, written by hand (Helvetica, no fonts to embed, no library). */
record BoardingPass(String passenger, String flight, String from, String to, String date,
    String departs, String boards, String gate, String seat) {

  byte[] pdf() {
    String page = """
        0.114 0.306 0.537 rg 0 170 480 50 re f
        1 1 1 rg BT /F2 20 Tf 24 188 Td (OpenAir) Tj /F1 12 Tf 300 0 Td (BOARDING PASS) Tj ET
        0 0 0 rg
        BT /F1 9 Tf 24 150 Td (PASSENGER) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        BT /F1 9 Tf 24 110 Td (FROM) Tj 0 -18 Td /F2 22 Tf (%s) Tj ET
        BT /F1 9 Tf 130 110 Td (TO) Tj 0 -18 Td /F2 22 Tf (%s) Tj ET
        BT /F1 9 Tf 250 110 Td (FLIGHT) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        BT /F1 9 Tf 360 110 Td (DATE) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        BT /F1 9 Tf 24 55 Td (DEPARTS) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        BT /F1 9 Tf 130 55 Td (BOARDING) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        BT /F1 9 Tf 250 55 Td (GATE) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        BT /F1 9 Tf 360 55 Td (SEAT) Tj 0 -14 Td /F2 13 Tf (%s) Tj ET
        """.formatted(text(passenger), text(from), text(to), text(flight), text(date),
        text(departs), text(boards), text(gate), text(seat));
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 480 220] /Contents 6 0 R"
            + " /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        "<< /Length " + page.length() + " >>\nstream\n" + page + "endstream");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\n")
        .append("startxref\n").append(xref).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** PDF string text: ASCII only (offsets count bytes), its three special characters escaped. */
  private static String text(String value) {
    return value.replaceAll("[^\\x20-\\x7E]", "?").replace("\\", "\\\\").replace("(", "\\(")
        .replace(")", "\\)");
  }
}
