package org.giaoban.testsupport;

final class JdbcUrls {

    private JdbcUrls() {
    }

    static String of(String host, int port, String database) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }
}
