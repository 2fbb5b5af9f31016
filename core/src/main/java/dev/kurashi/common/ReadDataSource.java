package dev.kurashi.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The datasource of shopper reads that may lag the writer by a moment (catalog pages, articles): the Aurora
 * reader endpoint in AWS, the same database locally (ADR 1001). An app names it with
 * {@code kurashi.reads.datasource=<datasource name>}; without that (the workers, which must read what they just
 * wrote) it is the default datasource. Connections are autocommit: the reader's datasource is not enlisted in
 * JTA transactions.
 */
@ApplicationScoped
public class ReadDataSource {

    @ConfigMapping(prefix = "kurashi.reads")
    public interface Config {
        /** The name of the read-only datasource; empty means the default one. */
        Optional<String> datasource();
    }

    private final AgroalDataSource dataSource;
    private final String name;

    public ReadDataSource(Config config, AgroalDataSource defaultDataSource) {
        this.name = config.datasource().orElse("<default>");
        this.dataSource = config.datasource()
                .map(n -> Arc.container()
                        .instance(AgroalDataSource.class, new DataSource.DataSourceLiteral(n))
                        .get())
                .orElse(defaultDataSource);
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The datasource's name, for logs and tests. */
    public String name() {
        return name;
    }

    /** The pool behind it (tests read its metrics). */
    public AgroalDataSource pool() {
        return dataSource;
    }
}
