package org.socklab.grader.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.socklab.grader.policy.Rule.Verdict;
import org.socklab.grader.policy.Violation.Kind;

/**
 * Checks one class file against the policy, in one pass of ASM's visitor: its superclass and
 * interfaces, annotations, the types of its fields and methods, {@code native} methods, and in
 * each method every instruction that names a class or a member ({@code new}, casts, field and
 * method instructions, {@code invokedynamic} with its bootstrap and arguments, constants loaded
 * with {@code ldc}, caught exceptions), each with its source line.
 *
 * <p>At most one violation per instruction (the first thing it breaks). Used once, by one thread.
 */
final class ClassFileCheck extends ClassVisitor {
    private static final int API = Opcodes.ASM9;
    private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";

    private final Decisions policy;
    private final List<Violation> violations = new ArrayList<>();
    private String className = "?";

    ClassFileCheck(Decisions policy) {
        super(API);
        this.policy = policy;
    }

    List<Violation> violations() {
        return violations;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = Type.getObjectType(name).getClassName();
        if (superName != null) {
            supertype(superName);
        }
        for (String type : interfaces == null ? new String[0] : interfaces) {
            supertype(type);
        }
    }

    private void supertype(String internalName) {
        String type = Type.getObjectType(internalName).getClassName();
        if (!policy.mayName(type)) {
            add(0, Kind.EXTENDS, type);
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(descriptor, 0);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor, 0);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        firstForbidden(Type.getType(descriptor)).ifPresent(type -> add(0, Kind.USES, type));
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return ClassFileCheck.this.annotation(annotation, 0);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(
                    int typeRef, TypePath path, String annotation, boolean visible) {
                return ClassFileCheck.this.annotation(annotation, 0);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            add(0, Kind.NATIVE, name);
        }
        firstForbidden(Type.getMethodType(descriptor)).ifPresent(type -> add(0, Kind.USES, type));
        for (String exception : exceptions == null ? new String[0] : exceptions) {
            String type = Type.getObjectType(exception).getClassName();
            if (!policy.mayName(type)) {
                add(0, Kind.USES, type);
            }
        }
        boolean main = name.equals("main") && descriptor.equals(MAIN_DESCRIPTOR) && (access & Opcodes.ACC_STATIC) != 0;
        return new MethodCheck(main);
    }

    /** Checks an annotation's type, and the classes and enums among its values. */
    private AnnotationVisitor annotation(String descriptor, int line) {
        String type = Type.getType(descriptor).getClassName();
        if (!policy.mayName(type)) {
            add(line, Kind.ANNOTATED, type);
        }
        return new AnnotationVisitor(API) {
            @Override
            public void visit(String name, Object value) {
                if (value instanceof Type constant) {
                    firstForbidden(constant).ifPresent(forbidden -> add(line, Kind.USES, forbidden));
                }
            }

            @Override
            public void visitEnum(String name, String enumDescriptor, String value) {
                firstForbidden(Type.getType(enumDescriptor)).ifPresent(forbidden -> add(line, Kind.USES, forbidden));
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String nested) {
                return annotation(nested, line);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        };
    }

    /** The first class in a field, method or class type that code may not name. */
    private Optional<String> firstForbidden(Type type) {
        switch (type.getSort()) {
            case Type.METHOD -> {
                for (Type argument : type.getArgumentTypes()) {
                    Optional<String> forbidden = firstForbidden(argument);
                    if (forbidden.isPresent()) {
                        return forbidden;
                    }
                }
                return firstForbidden(type.getReturnType());
            }
            case Type.ARRAY -> {
                return firstForbidden(type.getElementType());
            }
            case Type.OBJECT -> {
                String name = type.getClassName();
                return policy.mayName(name) ? Optional.empty() : Optional.of(name);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private void add(int line, Kind kind, String thing) {
        violations.add(new Violation(className, line, kind, thing));
    }

    /** The checks of one method's code, with the current source line. */
    private final class MethodCheck extends MethodVisitor {
        private final boolean main;
        private int line;

        MethodCheck(boolean main) {
            super(API);
            this.main = main;
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            typeUse(Type.getObjectType(type));
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            typeUse(Type.getType(descriptor));
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                typeUse(Type.getObjectType(type));
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            member(owner, name, descriptor, true);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            member(owner, name, descriptor, false);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            dynamic(descriptor, bootstrap, arguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor, 0);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor, 0);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(descriptor, 0);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor, line);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor, line);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(
                int typeRef,
                TypePath typePath,
                Label[] start,
                Label[] end,
                int[] index,
                String descriptor,
                boolean visible) {
            return annotation(descriptor, line);
        }

        private void typeUse(Type type) {
            firstForbidden(type).ifPresent(forbidden -> add(line, Kind.USES, forbidden));
        }

        /** A field or method of a class: the member rule that decides, else the owner's class rule; then its types. */
        private void member(String owner, String name, String descriptor, boolean field) {
            Type ownerType = owner.startsWith("[") ? Type.getType(owner) : Type.getObjectType(owner);
            if (ownerType.getSort() == Type.ARRAY) {
                typeUse(ownerType);
                return;
            }
            String ownerName = ownerType.getClassName();
            String shown = name.equals("<init>") ? "new " + ownerName : ownerName + "." + name;
            Kind kind = field ? Kind.FIELD : Kind.CALLS;
            if (!allowed(ownerName, name, descriptor, field, shown)) {
                add(line, kind, shown);
                return;
            }
            typeUse(field ? Type.getType(descriptor) : Type.getMethodType(descriptor));
        }

        /** Whether the member may be used here; a member allowed in main only, used elsewhere, is its own violation. */
        private boolean allowed(String owner, String name, String descriptor, boolean field, String shown) {
            List<String> parameters = new ArrayList<>();
            if (!field) {
                for (Type argument : Type.getArgumentTypes(descriptor)) {
                    parameters.add(argument.getClassName());
                }
            }
            Verdict verdict = policy.member(owner, name, descriptor, field, parameters);
            if (verdict == Verdict.ALLOW_IN_MAIN && !main) {
                add(line, Kind.OUTSIDE_MAIN, shown);
                return true;
            }
            return verdict != Verdict.DENY;
        }

        private void dynamic(String descriptor, Handle bootstrap, Object[] arguments) {
            String owner = Type.getObjectType(bootstrap.getOwner()).getClassName();
            if (!policy.allowsBootstrap(owner, bootstrap.getName())) {
                add(line, Kind.BOOTSTRAP, owner + "." + bootstrap.getName());
                return;
            }
            int before = violations.size();
            for (Object argument : arguments) {
                constant(argument);
                if (violations.size() > before) {
                    return;
                }
            }
            typeUse(Type.getMethodType(descriptor));
        }

        /** A constant: a class or method type, a method handle (a method reference), a dynamic constant. */
        private void constant(Object value) {
            if (value instanceof Type type) {
                typeUse(type);
            } else if (value instanceof Handle handle) {
                member(handle.getOwner(), handle.getName(), handle.getDesc(), handle.getTag() <= Opcodes.H_PUTSTATIC);
            } else if (value instanceof ConstantDynamic dynamic) {
                Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = dynamic.getBootstrapMethodArgument(i);
                }
                dynamic("()" + dynamic.getDescriptor(), dynamic.getBootstrapMethod(), arguments);
            }
        }
    }
}
