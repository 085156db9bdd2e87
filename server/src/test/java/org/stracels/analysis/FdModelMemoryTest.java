package org.stracels.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.parse.CancelCheck;

/** The built fd model keeps its instances and lives, not the replay state (the open numbers of every fd table). */
class FdModelMemoryTest {

    /** The classes of every object reachable from {@code root} through our own classes' fields, arrays and lists. */
    private static Set<Class<?>> reachableClasses(Object root) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Class<?>> classes = new java.util.HashSet<>();
        Deque<Object> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o == null || !seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            classes.add(c);
            if (c.isArray() && !c.getComponentType().isPrimitive()) {
                Collections.addAll(todo, (Object[]) o);
            } else if (o instanceof List<?> list) {
                todo.addAll(list);
            } else if (c.getName().startsWith("org.stracels.")) {
                for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                            f.setAccessible(true);
                            todo.push(f.get(o));
                        }
                    }
                }
            }
        }
        return classes;
    }

    @Test
    void theBuiltModelHoldsNoFdTable() throws IllegalAccessException {
        // forks, threads sharing a table, exec and close-on-exec: every kind of table the replay makes
        for (String name : List.of("fdlife.strace", "fdlife-y.strace", "follow.strace", "thread-exec.strace")) {
            Trace trace = Trace.of(Testdata.read(name));
            FdModel fds = FdModel.build(trace, CancelCheck.NONE);
            assertThat(fds.instanceCount()).as(name).isPositive();
            Set<Class<?>> reachable = reachableClasses(fds);
            List<String> names = new ArrayList<>();
            reachable.forEach(c -> names.add(c.getName()));
            assertThat(names).as(name).contains(FdRecords.class.getName())
                    .noneMatch(n -> n.startsWith(FdTables.class.getName()) || n.equals(FdModelBuilder.class.getName())
                            || n.equals(TraceModel.class.getName()));
        }
    }
}
