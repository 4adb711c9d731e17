package org.socklab.grader.policy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a few Java sources in memory with {@code javac --release 17}, as a student's code is compiled. */
final class InMemoryJavac {
    private InMemoryJavac() {}

    /** The class files of the sources (binary file name, e.g. {@code lab/echocaps/A$1}, to bytes). */
    static List<byte[]> compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        List<byte[]> classes = new ArrayList<>();
        JavaFileManagerInMemory files = new JavaFileManagerInMemory(standard, classes);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(
                new SimpleJavaFileObject(
                        URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                }));
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, files, null, List.of("--release", "17", "-nowarn"), null, units)
                .call();
        if (!ok) {
            throw new IllegalArgumentException("does not compile:\n" + errors);
        }
        return classes;
    }

    /** Keeps every class file javac writes. */
    private static final class JavaFileManagerInMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final List<byte[]> classes;

        JavaFileManagerInMemory(StandardJavaFileManager standard, List<byte[]> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.add(toByteArray());
                        }
                    };
                }
            };
        }
    }
}
