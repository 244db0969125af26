package app.partnersync.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test JVM a database of its own on a local PostgreSQL, and drops it afterwards. It runs before Quarkus
 * builds the application, which is early enough to keep Dev Services (Docker) out of it. When a datasource URL is
 * configured it does nothing; when no PostgreSQL answers on 127.0.0.1:5432 it does nothing either, and Dev Services
 * start a container instead.
 *
 * <p>The server's admin connection uses {@code PGUSER}/{@code PGPASSWORD} (default {@code postgres}, no password),
 * so trust and password authentication both work.
 */
public class FreshTestDatabase implements LauncherSessionListener {

    private static final String PREFIX = "partnersync_test_";
    private static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
    private static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "");

    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (configured() || !answers()) {
            return;
        }
        database = create();
        System.setProperty("quarkus.datasource.jdbc.url", url(database));
        System.setProperty("quarkus.datasource.username", USER);
        System.setProperty("quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            drop(database);
        }
    }

    /** Whether a local PostgreSQL is there to create databases on. */
    public static boolean available() {
        return answers();
    }

    /** Creates an empty database and returns its name. */
    public static String create() {
        String name = PREFIX
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection admin = admin();
                Statement sql = admin.createStatement()) {
            dropAbandoned(sql);
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create a test database on " + HOST + ":" + PORT + " as " + USER, e);
        }
        return name;
    }

    public static void drop(String name) {
        try (Connection admin = admin();
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    public static String url(String name) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** Databases of earlier runs that were killed before they could clean up, and that nobody uses now. */
    private static void dropAbandoned(Statement sql) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select datname from pg_database d where datname like '" + PREFIX + "%'"
                + " and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)"
                + " and (pg_stat_file('base/' || d.oid || '/PG_VERSION')).modification < now() - interval '3 hours'")) {
            while (rows.next()) {
                abandoned.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return; // reading file times needs superuser; without it, leave old databases alone
        }
        for (String name : abandoned) {
            sql.execute("drop database if exists " + name);
        }
    }

    private static boolean configured() {
        return System.getProperty("quarkus.datasource.jdbc.url") != null
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
    }

    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
    }
}
