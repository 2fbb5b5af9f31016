package dev.kurashi.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class DailySalesReportRepository implements PanacheRepositoryBase<DailySalesReport, DailySalesReport.Key> {

    /**
     * Replaces the day's rows with figures computed from the orders placed in {@code [from, to)} that are not
     * cancelled, one row per tax rate of their invoice breakdown. Returns the rows written.
     */
    public int replaceDay(LocalDate day, Instant from, Instant to) {
        delete("day", day);
        return getEntityManager()
                .createNativeQuery("INSERT INTO daily_sales_reports"
                        + " (day, tax_rate, orders, net_jpy, tax_jpy, gross_jpy, generated_at)"
                        + " SELECT ?1, t.rate, count(DISTINCT o.id), sum(t.taxable_jpy - t.tax_jpy), sum(t.tax_jpy),"
                        + " sum(t.taxable_jpy), now()"
                        + " FROM orders o JOIN order_tax_lines t ON t.order_id = o.id"
                        + " WHERE o.placed_at >= ?2 AND o.placed_at < ?3 AND o.status <> 'CANCELLED'"
                        + " GROUP BY t.rate"
                        + " ON CONFLICT (day, tax_rate) DO UPDATE SET orders = excluded.orders,"
                        + " net_jpy = excluded.net_jpy, tax_jpy = excluded.tax_jpy, gross_jpy = excluded.gross_jpy,"
                        + " generated_at = excluded.generated_at")
                .setParameter(1, day)
                .setParameter(2, from)
                .setParameter(3, to)
                .executeUpdate();
    }

    /** The day's rows, highest rate first. */
    public List<DailySalesReport> listDay(LocalDate day) {
        return list("day = ?1 order by taxRate desc", day);
    }
}
