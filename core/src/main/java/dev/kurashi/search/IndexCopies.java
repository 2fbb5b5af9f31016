package dev.kurashi.search;

import dev.kurashi.common.DomainException;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Search hits are read back from the database (current price and stock; what was withdrawn since indexing is left
 * out), but when the database cannot answer, the copies the index holds are the answer (ADR 1101): search keeps
 * working through a database failover, showing prices and stock as of the last indexing.
 */
final class IndexCopies {

    private static final Logger LOG = Logger.getLogger(IndexCopies.class);

    private IndexCopies() {}

    /**
     * What {@code database} answers; {@code copies} when it fails for any reason but a {@link DomainException}
     * (which is the truth about the request, not a failure of the database).
     */
    static <T> List<T> fromDatabaseOr(List<T> copies, Supplier<List<T>> database) {
        if (copies.isEmpty()) {
            return copies;
        }
        try {
            return database.get();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Search answers from the index alone: reading its hits back from the database failed (%s)", e);
            return copies;
        }
    }
}
