// test/clients/TypesRoundTrip.java: every type of test/types.tsv written and
// read through JDBC (the PostgreSQL driver of Debian's libpostgresql-jdbc-java),
// as BI tools do: in the text protocol (setObject / getString), and in the
// binary protocol (binaryTransferEnable with the types' OIDs and
// prepareThreshold=-1, so values travel in their send/recv form).
//
//   java -cp postgresql.jar:DIR TypesRoundTrip jdbc:postgresql://127.0.0.1:PORT/DB?user=postgres test/types.tsv
//
// Prints one line per failure and "jdbc: N values, M failures"; exits 1 on a failure.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.*;
import java.util.*;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

public class TypesRoundTrip {
	/** A value sent in binary: its bytes are the type's recv input */
	public static class Binary extends PGobject implements PGBinaryObject {
		private byte[] bytes;
		Binary(String type, byte[] bytes) { setType(type); this.bytes = bytes; }
		public void setByteValue(byte[] value, int offset) { bytes = Arrays.copyOfRange(value, offset, value.length); }
		public int lengthInBytes() { return bytes.length; }
		public void toBytes(byte[] target, int offset) { System.arraycopy(bytes, 0, target, offset, bytes.length); }
	}

	static int failures = 0;

	static void fail(String msg) {
		failures++;
		System.out.println("jdbc FAIL: " + msg);
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		Map<String, List<String>> types = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
			if (line.isEmpty() || line.startsWith("#")) continue;
			String[] f = line.split("\t", 2);
			types.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
		}
		int values = 0;
		StringBuilder oids = new StringBuilder();
		try (Connection c = DriverManager.getConnection(url)) {
			for (String t : types.keySet()) {
				try (PreparedStatement ps = c.prepareStatement("SELECT ?::regtype::oid")) {
					ps.setString(1, t);
					ResultSet rs = ps.executeQuery();
					rs.next();
					oids.append(oids.length() > 0 ? "," : "").append(rs.getLong(1));
				}
			}
		}
		Properties binary = new Properties();
		binary.setProperty("binaryTransferEnable", oids.toString());
		binary.setProperty("prepareThreshold", "-1");
		try (Connection text = DriverManager.getConnection(url);
			 Connection bin = DriverManager.getConnection(url, binary)) {
			text.setAutoCommit(true);
			for (Map.Entry<String, List<String>> e : types.entrySet()) {
				String t = e.getKey();
				try (Statement s = text.createStatement()) {
					s.execute("DROP TABLE IF EXISTS jdbc_" + t);
					s.execute("CREATE TABLE jdbc_" + t + " (id int, via text, v " + t + ")");
				}
				int id = 0;
				for (String value : e.getValue()) {
					id++;
					values++;
					// what the server makes of the value: canonical text and send() bytes
					String canonical;
					byte[] sent;
					try (PreparedStatement ps = text.prepareStatement(
							"SELECT v::text, " + t + "_send(v) FROM (SELECT ?::text::" + t + " AS v) s")) {
						ps.setString(1, value);
						ResultSet rs = ps.executeQuery();
						rs.next();
						canonical = rs.getString(1);
						sent = rs.getBytes(2);
					}
					// text protocol: write with setObject, read with getString
					PGobject obj = new PGobject();
					obj.setType(t);
					obj.setValue(value);
					try (PreparedStatement ps = text.prepareStatement("INSERT INTO jdbc_" + t + " VALUES (?, 'text', ?)")) {
						ps.setInt(1, id);
						ps.setObject(2, obj);
						ps.executeUpdate();
					}
					try (PreparedStatement ps = text.prepareStatement("SELECT v FROM jdbc_" + t + " WHERE id = ? AND via = 'text'")) {
						ps.setInt(1, id);
						ResultSet rs = ps.executeQuery();
						rs.next();
						String got = rs.getString(1);
						if (!canonical.equals(got))
							fail(t + " " + value + ": text protocol read " + got + ", expected " + canonical);
						Object o = rs.getObject(1);
						if (!(o instanceof PGobject) || !canonical.equals(((PGobject) o).getValue()))
							fail(t + " " + value + ": getObject gave " + o);
					}
					// binary protocol: write the send() bytes, read the bytes back
					try (PreparedStatement ps = bin.prepareStatement("INSERT INTO jdbc_" + t + " VALUES (?, 'binary', ?)")) {
						ps.setInt(1, id);
						ps.setObject(2, new Binary(t, sent));
						ps.executeUpdate();
					}
					try (PreparedStatement ps = bin.prepareStatement("SELECT v FROM jdbc_" + t + " WHERE id = ? AND via = 'binary'")) {
						ps.setInt(1, id);
						ResultSet rs = ps.executeQuery();
						rs.next();
						byte[] got = rs.getBytes(1);
						if (!Arrays.equals(sent, got))
							fail(t + " " + value + ": binary protocol read " + Arrays.toString(got) + ", expected " + Arrays.toString(sent));
					}
				}
				// both ways stored the same values (by text: a state type may have no =)
				try (Statement s = text.createStatement()) {
					ResultSet rs = s.executeQuery("SELECT a.id FROM jdbc_" + t + " a FULL JOIN jdbc_" + t
						+ " b ON a.id = b.id AND b.via = 'binary' WHERE a.via = 'text' AND a.v::text IS DISTINCT FROM b.v::text");
					while (rs.next())
						fail(t + " value " + rs.getInt(1) + ": text and binary writes stored different values");
					s.execute("DROP TABLE jdbc_" + t);
				}
			}
		}
		System.out.println("jdbc: " + values + " values, text and binary protocol, " + failures + " failures");
		System.exit(failures == 0 ? 0 : 1);
	}
}
