-- Cache invalidation, version 1001 (numbered by issue 10): the shop-app tasks keep catalog, category, article and
-- stock-availability reads in memory and LISTEN on kurashi_cache to drop them (docs/adr/1001-read-caches.md).
-- PostgreSQL delivers a notification only when the transaction commits, and folds identical ones of a
-- transaction into one, so a task never reloads before the change is visible.

-- ## Staff changes: the outbox rows the platform already writes for them
CREATE FUNCTION cache_notify_event() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('kurashi_cache', NEW.event_type);
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_cache_notify
    AFTER INSERT ON outbox
    FOR EACH ROW
    WHEN (NEW.event_type IN ('ProductChanged', 'ArticleChanged', 'StockReplenished'))
    EXECUTE FUNCTION cache_notify_event();

-- ## Stock availability: pages show "in stock" or "sold out", never a count, so only a flip matters.
-- An order that takes the last unit emits no catalog event, hence a trigger on the stock row itself.
CREATE FUNCTION cache_notify_stock() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('kurashi_cache', 'StockAvailability');
    RETURN NULL;
END
$$;

CREATE TRIGGER stock_availability_cache_notify
    AFTER UPDATE OF on_hand ON stock
    FOR EACH ROW
    WHEN ((OLD.on_hand > 0) IS DISTINCT FROM (NEW.on_hand > 0))
    EXECUTE FUNCTION cache_notify_stock();

CREATE TRIGGER stock_row_cache_notify
    AFTER INSERT OR DELETE ON stock
    FOR EACH ROW
    EXECUTE FUNCTION cache_notify_stock();
