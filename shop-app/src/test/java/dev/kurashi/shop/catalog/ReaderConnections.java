package dev.kurashi.shop.catalog;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the connections a datasource hands out (the reader makes one per catalog query). */
final class ReaderConnections implements AgroalPoolInterceptor {

    private final AtomicLong acquired = new AtomicLong();

    static ReaderConnections on(AgroalDataSource dataSource) {
        ReaderConnections counter = new ReaderConnections();
        dataSource.setPoolInterceptors(List.of(counter));
        return counter;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        acquired.incrementAndGet();
    }

    long count() {
        return acquired.get();
    }
}
