package org.socklab.grader.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the structural rules (the store's lock, the queue's hand-over) need to know of one class of
 * the submission, read from its class file with ASM, never loaded: for each method, whether it is {@code synchronized} or enters a monitor (a
 * {@code synchronized} block), which methods it calls (lambdas included), which fields it reads and
 * writes, and which classes it instantiates. Immutable once read, and safe to share between
 * threads.
 *
 * @param name the class's internal name, e.g. {@code lab/temperature/TemperatureStore}
 * @param superName the internal name of its superclass, or null
 * @param interfaces the internal names of the interfaces it implements
 * @param methods its methods, by name followed by descriptor
 */
public record ClassFile(String name, String superName, List<String> interfaces, Map<String, Method> methods) {

    /** A method, a field or a class referred to from bytecode, by internal owner name. */
    public record Member(String owner, String name, String descriptor) {}

    /**
     * One method's body, as far as locking goes.
     *
     * @param owner the internal name of the class that declares it
     * @param name its name
     * @param descriptor its descriptor, e.g. {@code (Ljava/lang/String;II)V}
     * @param access its access flags
     * @param entersMonitor whether its code has a {@code monitorenter}
     * @param calls the methods it calls, and the lambdas' bodies it creates
     * @param reads the fields it reads
     * @param writes the fields it assigns
     * @param creates the internal names of the classes it instantiates
     */
    public record Method(
            String owner,
            String name,
            String descriptor,
            int access,
            boolean entersMonitor,
            List<Member> calls,
            List<Member> reads,
            List<Member> writes,
            Set<String> creates) {

        public boolean isSynchronized() {
            return (access & Opcodes.ACC_SYNCHRONIZED) != 0;
        }

        public boolean isConstructor() {
            return name.equals("<init>");
        }
    }

    /** The class file of the named class as the loader sees it, if there is one. */
    public static Optional<ClassFile> read(ClassLoader loader, String internalName) {
        URL url = loader.getResource(internalName + ".class");
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /** One class file's facts, from its bytes. */
    public static ClassFile parse(byte[] bytes) {
        Map<String, Method> methods = new LinkedHashMap<>();
        String[] names = new String[2];
        List<String> implemented = new ArrayList<>();
        new ClassReader(bytes)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(
                                    int version,
                                    int access,
                                    String name,
                                    String signature,
                                    String superName,
                                    String[] interfaces) {
                                names[0] = name;
                                names[1] = superName;
                                if (interfaces != null) {
                                    implemented.addAll(List.of(interfaces));
                                }
                            }

                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                return new Body(names[0], access, name, descriptor, methods);
                            }
                        },
                        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFile(names[0], names[1], List.copyOf(implemented), Collections.unmodifiableMap(methods));
    }

    /** Collects one method's facts, then files them under its name and descriptor. */
    private static final class Body extends MethodVisitor {
        private final String owner;
        private final int access;
        private final String name;
        private final String descriptor;
        private final Map<String, Method> methods;
        private final List<Member> calls = new ArrayList<>();
        private final List<Member> reads = new ArrayList<>();
        private final List<Member> writes = new ArrayList<>();
        private final Set<String> creates = new HashSet<>();
        private boolean entersMonitor;

        Body(String owner, int access, String name, String descriptor, Map<String, Method> methods) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.methods = methods;
        }

        @Override
        public void visitInsn(int opcode) {
            entersMonitor |= opcode == Opcodes.MONITORENTER;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                creates.add(type);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String fieldName, String fieldDescriptor) {
            Member field = new Member(fieldOwner, fieldName, fieldDescriptor);
            if (opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) {
                reads.add(field);
            } else {
                writes.add(field);
            }
        }

        @Override
        public void visitMethodInsn(
                int opcode, String callOwner, String callName, String callDescriptor, boolean isInterface) {
            calls.add(new Member(callOwner, callName, callDescriptor));
        }

        @Override
        public void visitInvokeDynamicInsn(
                String callName, String callDescriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle body) {
                    calls.add(new Member(body.getOwner(), body.getName(), body.getDesc()));
                }
            }
        }

        @Override
        public void visitEnd() {
            methods.put(
                    name + descriptor,
                    new Method(
                            owner,
                            name,
                            descriptor,
                            access,
                            entersMonitor,
                            List.copyOf(calls),
                            List.copyOf(reads),
                            List.copyOf(writes),
                            Set.copyOf(creates)));
        }
    }
}
