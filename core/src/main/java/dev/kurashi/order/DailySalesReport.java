package dev.kurashi.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One day's (Asia/Tokyo) sales at one tax rate; written only by {@link SalesReportService}. */
@Entity
@Table(name = "daily_sales_reports")
@IdClass(DailySalesReport.Key.class)
public class DailySalesReport {

    public record Key(LocalDate day, Short taxRate) implements Serializable {}

    @Id
    public LocalDate day;

    @Id
    @Column(name = "tax_rate")
    public Short taxRate;

    @Column(nullable = false)
    public int orders;

    @Column(name = "net_jpy", nullable = false)
    public long netJpy;

    @Column(name = "tax_jpy", nullable = false)
    public long taxJpy;

    @Column(name = "gross_jpy", nullable = false)
    public long grossJpy;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;
}
