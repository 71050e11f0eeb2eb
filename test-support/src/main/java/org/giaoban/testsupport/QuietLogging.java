package org.giaoban.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Runs an action with some loggers switched off (Logback only; with another SLF4J backend the action just runs). */
final class QuietLogging {

    private QuietLogging() {
    }

    static <T> T withLoggersOff(Supplier<T> action, String... loggerNames) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return action.get();
        }
        Map<Logger, Level> previous = new LinkedHashMap<>();
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            previous.put(logger, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
        try {
            return action.get();
        } finally {
            previous.forEach(Logger::setLevel);
        }
    }
}
