package it.familyaudit.workflow.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Databases of their own on the PostgreSQL server named by {@code DB_URL} ({@code DB_USER}, {@code DB_PASSWORD}),
 * for tests that need an empty one: named after DB_URL's database with a suffix, so that runs against different
 * databases of one server never meet.
 */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    public static String url() {
        return System.getenv("DB_URL");
    }

    public static String user() {
        return System.getenv().getOrDefault("DB_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("DB_PASSWORD", "");
    }

    /** A new, empty database (dropped first if it is there); its JDBC URL. */
    public static String fresh(String suffix) throws SQLException {
        String name = name(url()) + "_" + suffix;
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return server() + name;
    }

    /** Drops the database of this JDBC URL, whoever is still connected to it. */
    public static void drop(String url) throws SQLException {
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name(url) + " WITH (FORCE)");
        }
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** The database's name in a JDBC URL. */
    public static String name(String url) {
        String path = URI.create(url.substring("jdbc:".length())).getPath();
        return path.substring(1);
    }

    /** Host of DB_URL. */
    public static String host() {
        String host = URI.create(url().substring("jdbc:".length())).getHost();
        return host == null ? "localhost" : host;
    }

    /** Port of DB_URL. */
    public static int port() {
        int port = URI.create(url().substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    private static String server() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/";
    }

    private static Connection maintenance() throws SQLException {
        return connect(server() + "postgres");
    }
}
