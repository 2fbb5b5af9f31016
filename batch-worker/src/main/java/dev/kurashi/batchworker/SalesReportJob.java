package dev.kurashi.batchworker;

import dev.kurashi.order.SalesReport;
import dev.kurashi.order.SalesReportService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The daily sales report per tax rate: stored in {@code daily_sales_reports} and, for {@code run sales-report},
 * written as CSV to {@code --out <file>} or standard output. {@code --day YYYY-MM-DD} picks the day (Asia/Tokyo);
 * the default, and the scheduled run's day, is yesterday.
 */
@ApplicationScoped
public class SalesReportJob implements BatchJob {

    private final SalesReportService reports;

    public SalesReportJob(SalesReportService reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "sales-report";
    }

    @Override
    public Set<String> options() {
        return Set.of("day", "out");
    }

    @Override
    public void check(JobOptions options) {
        day(options);
    }

    @Override
    public String run(JobOptions options) throws IOException {
        SalesReport report = reports.generate(day(options));
        if (options.get("out").isPresent()) {
            Files.writeString(Path.of(options.get("out").get()), report.csv(), StandardCharsets.UTF_8);
        } else if (options.out() != null) {
            options.out().print(report.csv());
            options.out().flush();
        }
        long orders =
                report.lines().stream().mapToLong(SalesReport.Line::orders).sum();
        long gross =
                report.lines().stream().mapToLong(SalesReport.Line::grossJpy).sum();
        return "day=" + report.day() + " rates=" + report.lines().size() + " orders(by rate)=" + orders + " gross_jpy="
                + gross;
    }

    static LocalDate day(JobOptions options) {
        String value = options.get("day").orElse(null);
        if (value == null) {
            return LocalDate.now(SalesReportService.BUSINESS_ZONE).minusDays(1);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--day must be a date like 2026-11-24, not " + value);
        }
    }
}
