package org.giaoban.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * The lines written to the security log ({@code giaoban.security}) while it is open, from any thread: open it before
 * the requests, read {@link #lines()} (or {@link #of(String)}) after, close it at the end.
 */
public final class SecurityLogLines implements AutoCloseable {

    public static final String LOGGER = "giaoban.security";

    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    };

    private SecurityLogLines() {
        appender.setName("security-log-lines-" + System.identityHashCode(this));
        appender.start();
        logger.addAppender(appender);
    }

    public static SecurityLogLines capture() {
        return new SecurityLogLines();
    }

    /** Every line so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines of one event ({@code event=<name>}). */
    public List<String> of(String event) {
        return lines.stream().filter(line -> line.startsWith("event=" + event + " ")).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
