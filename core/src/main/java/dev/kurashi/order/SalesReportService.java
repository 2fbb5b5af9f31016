package dev.kurashi.order;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The daily sales report per day and tax rate (the batch-worker's sales-report job). A day is a calendar day in
 * Asia/Tokyo; orders count when placed that day and not cancelled when the report runs. Running it again
 * replaces the day's rows, so a re-run after late cancellations corrects the figures.
 */
@ApplicationScoped
public class SalesReportService {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Tokyo");

    private final DailySalesReportRepository reports;

    public SalesReportService(DailySalesReportRepository reports) {
        this.reports = reports;
    }

    /** Computes and stores the day's report; returns it. */
    @Transactional
    @WithSpan
    public SalesReport generate(LocalDate day) {
        reports.replaceDay(
                day,
                day.atStartOfDay(BUSINESS_ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant());
        reports.flush();
        reports.getEntityManager().clear();
        return stored(day);
    }

    /** The stored report of a day (no lines when it never ran or nothing sold). */
    @Transactional
    @WithSpan
    public SalesReport stored(LocalDate day) {
        return new SalesReport(
                day,
                reports.listDay(day).stream()
                        .map(r -> new SalesReport.Line(r.taxRate, r.orders, r.netJpy, r.taxJpy, r.grossJpy))
                        .toList());
    }
}
