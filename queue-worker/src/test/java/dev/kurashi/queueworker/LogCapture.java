package dev.kurashi.queueworker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Keeps the log records of {@code dev.kurashi} (message and MDC trace id) while installed. */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One log line: the formatted message and the traceId the log format's %X{traceId} prints. */
    public record Line(String message, String traceId) {}

    private final Logger logger = Logger.getLogger("dev.kurashi");
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            lines.add(new Line(ext.getFormattedMessage(), ext.getMdc("traceId")));
        }
    }

    public List<Line> containing(String text) {
        return lines.stream()
                .filter(l -> l.message() != null && l.message().contains(text))
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
