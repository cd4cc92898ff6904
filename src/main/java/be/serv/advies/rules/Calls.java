package be.serv.advies.rules;

import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.model.Norm;
import be.serv.advies.model.SessionFacts;
import be.serv.advies.model.Shortage;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The explicit list of what a rule may call: (type, method) pairs that only read or format. A call
 * that is not here is refused by {@link RuleLanguage}, whatever it is written like. On the fact
 * classes: their getters (getX(), isX(), declared by the fact model itself) and the reading methods
 * named in {@link #FACT_READS}; on the model's enums: their name and label.
 */
final class Calls {
    /** Helper classes a rule may name, besides the fact model. */
    static final Map<String, Class<?>> CLASSES = Map.of("String", String.class, "Math", Math.class, "Integer", Integer.class,
            "Long", Long.class, "Double", Double.class, "Boolean", Boolean.class);
    /** Classes of the model package that are no fact: a rule never names them. */
    static final Set<Class<?>> HIDDEN = Set.of(Batch.class, SessionFacts.class);
    /** Static methods, by class. */
    static final Map<Class<?>, Set<String>> STATIC = Map.of(
            String.class, Set.of("format", "valueOf", "join"),
            Math.class, Set.of("max", "min", "round", "abs", "floor", "ceil"),
            Integer.class, Set.of("valueOf", "compare", "toString", "max", "min"),
            Long.class, Set.of("valueOf", "compare", "toString", "max", "min"),
            Double.class, Set.of("valueOf", "compare", "toString", "max", "min"),
            Boolean.class, Set.of("valueOf", "toString"),
            Finding.class, Set.of("applies", "doesNotApply"));
    /**
     * Methods of text. Not matches, replaceAll or split (a pattern that may take exponential time; the
     * condition operator matches is checked instead), nor repeat or replace (a chain of them makes a
     * text of any length: {@code s.replace("", s).replace("", s)}).
     */
    static final Set<String> TEXT = Set.of("length", "isEmpty", "isBlank", "equals", "equalsIgnoreCase", "contains",
            "startsWith", "endsWith", "strip", "trim", "toLowerCase", "toUpperCase", "substring", "indexOf", "lastIndexOf",
            "charAt", "compareTo", "formatted", "toString");
    static final Set<String> NUMBER = Set.of("intValue", "longValue", "doubleValue", "toString", "equals", "compareTo");
    static final Set<String> ENUM = Set.of("name", "label", "ordinal", "toString", "equals", "compareTo");
    static final Set<String> COLLECTION = Set.of("size", "isEmpty", "contains");
    static final Set<String> OBJECT = Set.of("toString", "equals");
    /** Reading methods of fact classes that are no getters. */
    static final Map<Class<?>, Set<String>> FACT_READS = Map.of(Shortage.class, Set.of("covers", "whereIs"),
            Norm.class, Set.of("whole", "decimal", "yesNo", "text"));

    private Calls() {
    }

    /**
     * The method {@code type.name(...)} with {@code arguments} values if the list allows it, else null.
     * {@code isStatic}: called on the class ({@code Math.max}), not on a value.
     */
    static Method find(Class<?> type, String name, int arguments, boolean isStatic) {
        Class<?> c = box(type);
        for (Method m : c.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != isStatic) continue;
            int n = m.getParameterCount();
            if (n != arguments && !(m.isVarArgs() && arguments >= n - 1)) continue;
            if (isStatic ? STATIC.getOrDefault(c, Set.of()).contains(name) : allowed(c, m)) return m;
        }
        return null;
    }

    /** Whether the list has a method of this name on this type, with whatever values. */
    static boolean named(Class<?> type, String name, boolean isStatic) {
        for (Method m : box(type).getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic
                    && (isStatic ? STATIC.getOrDefault(box(type), Set.of()).contains(name) : allowed(box(type), m))) return true;
        }
        return false;
    }

    private static boolean allowed(Class<?> c, Method m) {
        String name = m.getName();
        if (RuleLanguage.isModel(c)) {
            boolean getter = name.matches("(get|is)[A-Z]\\w*") && m.getParameterCount() == 0 && m.getReturnType() != void.class
                    && m.getDeclaringClass().getPackageName().equals(RuleLanguage.MODEL_PACKAGE);
            return getter || FACT_READS.getOrDefault(c, Set.of()).contains(name) || OBJECT.contains(name);
        }
        if (c.isEnum() && c.getPackageName().equals(RuleLanguage.MODEL_PACKAGE)) return ENUM.contains(name);
        if (c == String.class) return TEXT.contains(name);
        if (Number.class.isAssignableFrom(c) || c == Boolean.class || c == Character.class) return NUMBER.contains(name);
        if (Collection.class.isAssignableFrom(c)) return COLLECTION.contains(name);
        return OBJECT.contains(name);
    }

    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) return c;
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == double.class) return Double.class;
        if (c == boolean.class) return Boolean.class;
        if (c == char.class) return Character.class;
        if (c == float.class) return Float.class;
        if (c == short.class) return Short.class;
        if (c == byte.class) return Byte.class;
        return Void.class;
    }
}
