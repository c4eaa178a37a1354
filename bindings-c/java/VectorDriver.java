// Drives the C ABI through Shuangsuiji.java for bindings-c/tests/check_vectors.py:
// requests "OP<TAB>INPUT_JSON" one per line on stdin, answers "STATUS<TAB>JSON" (0 =
// result, 1 = error) one per line on stdout. Run by scripts/test-c.sh.

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

public final class VectorDriver {
    public static void main(String[] args) throws Exception {
        if (Shuangsuiji.abiVersion() != Shuangsuiji.ABI_VERSION) {
            System.err.println("ABI version " + Shuangsuiji.abiVersion() + ", expected " + Shuangsuiji.ABI_VERSION);
            System.exit(1);
        }
        if (!Shuangsuiji.operations().startsWith("[")) {
            System.err.println("ssj_operations() did not return a JSON array");
            System.exit(1);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                System.err.println("a request without a tab");
                System.exit(2);
            }
            Shuangsuiji.Answer a = Shuangsuiji.call(line.substring(0, tab), line.substring(tab + 1));
            out.write(a.ok() ? "0\t" : "1\t");
            out.write(a.json());
            out.write('\n');
        }
        out.flush();
    }
}
