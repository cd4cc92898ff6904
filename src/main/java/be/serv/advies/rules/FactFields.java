package be.serv.advies.rules;

import be.serv.advies.text.Nearest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The fact model as a rule sees it, read by reflection: the fields a rule may name on a fact, and the
 * suggestion when it names one that is not there. Shared by the checks of rule files and of conditions.
 */
final class FactFields {
    private FactFields() {
    }

    /** The type {@code name} gives on {@code type} (a getter, or a method when {@code call}), or null. */
    static Class<?> property(Class<?> type, String name, boolean call) {
        if (name.isEmpty()) return null;
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class && !call) continue;
            if (call && m.getName().equals(name)) return m.getReturnType();
            if (!call && m.getParameterCount() == 0
                    && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap) || m.getName().equals(name))) {
                return m.getReturnType();
            }
        }
        return null;
    }

    /** The fields a rule can use on a fact, as they are written in DRL. */
    static List<String> properties(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) continue;
            String n = m.getName();
            String p = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n.startsWith("is") && n.length() > 2 ? n.substring(2) : null;
            if (p != null && !p.equals("Class")) out.add(Character.toLowerCase(p.charAt(0)) + p.substring(1));
        }
        out.sort(null);
        return out;
    }

    /** "bedoelt u 'x'?" for a near miss, otherwise the fields there are. */
    static String suggestion(String wrong, List<String> known) {
        return Nearest.to(wrong, known).map(k -> "bedoelt u '" + k + "'?")
                .orElse("wel: " + String.join(", ", known));
    }

    static String constants(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) names.add(((Enum<?>) c).name());
        return String.join(", ", names);
    }
}
