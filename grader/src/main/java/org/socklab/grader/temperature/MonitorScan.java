package org.socklab.grader.temperature;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the methods of a class file that contain a {@code synchronized} block, i.e. a
 * {@code monitorenter} instruction. ArchUnit, which judges the rest of the store's structure, does
 * not model synchronized blocks, so this reads the bytecode itself: the constant pool (for method
 * names), then each method's code, instruction by instruction (JVMS chapters 4 and 6).
 *
 * <p>Stateless and thread-safe.
 */
final class MonitorScan {
    private static final int MONITORENTER = 0xc2;

    private MonitorScan() {
    }

    /**
     * The methods that enter a monitor, each as its name followed by its descriptor, e.g.
     * {@code record(Ljava/lang/String;II)V}.
     *
     * @throws IOException if the stream is not a class file this scanner understands
     */
    static Set<String> methodsEnteringAMonitor(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        String[] utf8 = readConstantPool(in);
        in.skipNBytes(6); // access flags, this class, super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        Set<String> found = new HashSet<>();
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort(); // access flags
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (!"Code".equals(attribute)) {
                    in.skipNBytes(length);
                    continue;
                }
                in.skipNBytes(4); // max stack, max locals
                byte[] code = in.readNBytes(in.readInt());
                in.skipNBytes(length - 8L - code.length); // exception table and the code's own attributes
                if (entersAMonitor(code)) {
                    found.add(name + descriptor);
                }
            }
        }
        return found;
    }

    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // modified UTF-8 with a u2 length, as in class files
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or a double takes two entries
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xffffffffL);
        }
    }

    /** Walks the instructions (not the raw bytes, whose operands may look like any opcode). */
    static boolean entersAMonitor(byte[] code) {
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xff;
            if (opcode == MONITORENTER) {
                return true;
            }
            pc += length(code, pc, opcode);
        }
        return false;
    }

    /** The length in bytes of the instruction at {@code pc}, operands included. */
    private static int length(byte[] code, int pc, int opcode) {
        switch (opcode) {
            case 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc:
                return 2; // bipush, ldc, loads, stores, ret, newarray
            case 0x11, 0x13, 0x14, 0x84, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7:
                return 3; // sipush, ldc_w, ldc2_w, iinc, field and method access, new, anewarray, casts, ifnull
            case 0xc5:
                return 4; // multianewarray
            case 0xb9, 0xba, 0xc8, 0xc9:
                return 5; // invokeinterface, invokedynamic, goto_w, jsr_w
            case 0xc4:
                return (code[pc + 1] & 0xff) == 0x84 ? 6 : 4; // wide iinc, or wide load/store/ret
            case 0xaa: {
                int at = aligned(pc);
                int low = readInt(code, at + 4);
                int high = readInt(code, at + 8);
                return at - pc + 12 + 4 * (high - low + 1); // tableswitch
            }
            case 0xab: {
                int at = aligned(pc);
                int pairs = readInt(code, at + 4);
                return at - pc + 8 + 8 * pairs; // lookupswitch
            }
            default:
                if (opcode >= 0x99 && opcode <= 0xa8) {
                    return 3; // conditional branches, goto, jsr
                }
                return 1;
        }
    }

    /** Where a switch's operands start: after the opcode and padding to a multiple of four. */
    private static int aligned(int pc) {
        return (pc + 4) & ~3;
    }

    private static int readInt(byte[] code, int at) {
        return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8)
                | (code[at + 3] & 0xff);
    }
}
