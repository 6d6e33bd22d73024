// Oracle: print the HTTP_* int constants of java.net.HttpURLConnection.
// Run with: java scripts/oracles/JavaNames.java
// Output: one JSON object on stdout, {"<code>": {"constant": "HttpURLConnection.HTTP_X"}},
// read by reflection from the running JDK (no hard-coded list). The JDK attaches
// no reason phrases to these constants, so none are printed. When two fields
// share a value (HTTP_SERVER_ERROR and HTTP_INTERNAL_ERROR are both 500), the
// one not marked @Deprecated wins; among equals, the first in field order.
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.TreeMap;

public class JavaNames {
    public static void main(String[] args) throws Exception {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, Boolean> deprecated = new TreeMap<>();
        for (Field f : HttpURLConnection.class.getFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || f.getType() != int.class
                    || !f.getName().startsWith("HTTP_")) {
                continue;
            }
            int code = f.getInt(null);
            boolean dep = f.isAnnotationPresent(Deprecated.class);
            if (!names.containsKey(code) || (deprecated.get(code) && !dep)) {
                names.put(code, f.getName());
                deprecated.put(code, dep);
            }
        }
        StringBuilder sb = new StringBuilder("{\n");
        boolean first = true;
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (!first) {
                sb.append(",\n");
            }
            first = false;
            sb.append(" \"").append(e.getKey()).append("\": {\"constant\": \"HttpURLConnection.")
              .append(e.getValue()).append("\"}");
        }
        sb.append("\n}\n");
        System.out.print(sb);
    }
}
