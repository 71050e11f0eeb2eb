package org.giaoban.platform.time;

import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" in the domain is the date in Việt Nam, whatever the server's zone. */
public final class Today {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Today() {
    }

    public static LocalDate inVietnam() {
        return LocalDate.now(VIETNAM);
    }
}
