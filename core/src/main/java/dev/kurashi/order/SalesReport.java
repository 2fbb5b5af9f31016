package dev.kurashi.order;

import java.time.LocalDate;
import java.util.List;

/** A day's sales (Asia/Tokyo), one line per tax rate, amounts in yen. */
public record SalesReport(LocalDate day, List<Line> lines) {

    public record Line(short taxRate, int orders, long netJpy, long taxJpy, long grossJpy) {}

    public static final String CSV_HEADER = "day,tax_rate,orders,net_jpy,tax_jpy,gross_jpy";

    /** RFC 4180 CSV with a header line, CRLF line ends; every field is a date or a number. */
    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Line l : lines) {
            out.append(day)
                    .append(',')
                    .append(l.taxRate())
                    .append(',')
                    .append(l.orders())
                    .append(',')
                    .append(l.netJpy())
                    .append(',')
                    .append(l.taxJpy())
                    .append(',')
                    .append(l.grossJpy())
                    .append("\r\n");
        }
        return out.toString();
    }
}
