// The class a Java platform pastes to call shuangsuiji in-process through its C ABI
// (JNA 5; Debian: apt-get install libjna-java). Every operation of the core's table by
// its stable name, JSON text in and JSON text out; parse the JSON with your own library
// (Jackson, Gson, ...).
//
//   String result = Shuangsuiji.runOperation("parse_ratio", "{\"text\": \"1/2\"}"); // "\"1/2\""
//   try { Shuangsuiji.runOperation("parse_ratio", "{\"text\": \"1/0\"}"); }
//   catch (Shuangsuiji.OperationException e) { e.json; } // {"code","family","message","details"}
//
// Run with -Djna.library.path=<folder of libshuangsuiji_c.so>. Thread-safe: the library
// keeps no state between calls.

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;

public final class Shuangsuiji {
    /** The C ABI version this class was written for (include/shuangsuiji.h). */
    public static final int ABI_VERSION = 1;

    /** The entry points of include/shuangsuiji.h. */
    public interface Lib extends Library {
        Lib INSTANCE = Native.load("shuangsuiji_c", Lib.class,
                Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

        int ssj_run_operation(String op, byte[] input, SizeT inputLen, PointerByReference out, Pointer outLen);
        Pointer ssj_operations();
        int ssj_abi_version();
        String ssj_version();
        void ssj_free(Pointer ptr);
    }

    /** C's size_t. */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;
        public SizeT() { this(0); }
        public SizeT(long value) { super(Native.SIZE_T_SIZE, value, true); }
    }

    /** An operation's error: {@code json} is {"code", "family", "message", "details"}. */
    public static final class OperationException extends Exception {
        private static final long serialVersionUID = 1L;
        public final String json;
        OperationException(String json) { super(json); this.json = json; }
    }

    /** The answer of one call: {@code ok} with the result's JSON, or the error's JSON. */
    public record Answer(boolean ok, String json) {}

    private Shuangsuiji() {}

    /** Runs operation {@code op} on the JSON object {@code inputJson}; the answer either way. */
    public static Answer call(String op, String inputJson) {
        byte[] input = inputJson.getBytes(StandardCharsets.UTF_8);
        PointerByReference out = new PointerByReference();
        Memory outLen = new Memory(Native.SIZE_T_SIZE);
        int status = Lib.INSTANCE.ssj_run_operation(op, input, new SizeT(input.length), out, outLen);
        if (status != 0 && status != 1) {
            throw new IllegalStateException("ssj_run_operation returned " + status);
        }
        Pointer p = out.getValue();
        try {
            long len = Native.SIZE_T_SIZE == 8 ? outLen.getLong(0) : outLen.getInt(0);
            String json = new String(p.getByteArray(0, Math.toIntExact(len)), StandardCharsets.UTF_8);
            return new Answer(status == 0, json);
        } finally {
            Lib.INSTANCE.ssj_free(p);
        }
    }

    /** Runs operation {@code op} and returns the result's JSON; throws the error's JSON. */
    public static String runOperation(String op, String inputJson) throws OperationException {
        Answer a = call(op, inputJson);
        if (!a.ok()) {
            throw new OperationException(a.json());
        }
        return a.json();
    }

    /** The operations table as JSON (name, args, result per operation). */
    public static String operations() {
        Pointer p = Lib.INSTANCE.ssj_operations();
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Lib.INSTANCE.ssj_free(p);
        }
    }

    /** The library's version, e.g. "0.1.0". */
    public static String version() {
        return Lib.INSTANCE.ssj_version();
    }

    /** The library's C ABI version (must equal {@link #ABI_VERSION}). */
    public static int abiVersion() {
        return Lib.INSTANCE.ssj_abi_version();
    }
}
