package app.rounds.platform.boundary;

import app.rounds.platform.control.FieldMessages;
import app.rounds.testing.ResourceClasses;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every constraint of every request the API accepts (JSON bodies, nested ones, query parameters) answers in words
 * that name the field as the pages do: never Bean Validation's own "size must be between 0 and 1000", never a
 * Java name such as "scheduledEnd".
 */
class RequestWordsTest {

    record Checked(String type, String field, Annotation constraint, String message) {
    }

    @Test
    void everyConstraintOfEveryRequestHasASentenceAndEveryFieldALabel() {
        List<Checked> checked = new ArrayList<>();
        for (Class<?> resource : ResourceClasses.all()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Stream.of(method.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    for (Annotation constraint : constraints(parameter.getAnnotations())) {
                        String field = parameter.getType().isRecord() ? "body" : parameter.getName();
                        checked.add(check(null, field, constraint, parameter.getType()));
                    }
                    if (parameter.getType().isRecord()) {
                        walk(parameter.getType(), checked, new HashSet<>());
                    }
                }
            }
        }
        assertTrue(checked.size() > 60, "found only " + checked.size() + " constraints");
        List<String> wrong = new ArrayList<>();
        for (Checked c : checked) {
            String where = c.type() + "." + c.field() + " @" + c.constraint().annotationType().getSimpleName() + ": ";
            if (FieldMessages.explicitLabel(c.type(), c.field()).isEmpty()) {
                wrong.add(where + "no label in FieldMessages.properties");
            }
            String m = c.message();
            if (!m.matches("[A-Z“].*[.)]") || m.matches("(?s).*([{}$]|must not be|size must|jakarta|javax|\\bnull\\b).*")
                    || (!c.field().equals(c.field().toLowerCase()) && m.contains(c.field()))
                    || m.contains("is not valid") || m.contains("in a form Rounds accepts")) {
                wrong.add(where + m);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aTooLongTextSaysTheLimitAndHowLongItWas() {
        Annotation size = component(SessionsFixture.class, "description", Size.class);
        assertEquals("The description can be at most 1,000 characters (this one has 1,204).",
                FieldMessages.of(null, "description", size, "x".repeat(1204)));
    }

    @Test
    void aMissingFieldIsRequiredByItsLabel() {
        Annotation notBlank = component(SessionsFixture.class, "title", jakarta.validation.constraints.NotBlank.class);
        assertEquals("The title is required.", FieldMessages.of("SessionRequest", "title", notBlank, " "));
    }

    @Test
    void aListSaysHowManyEntriesItMayHold() {
        Annotation size = component(SessionsFixture.class, "tags", Size.class);
        assertEquals("The tags can hold at most 2 entries (this one has 3).",
                FieldMessages.of(null, "tags", size, List.of("a", "b", "c")));
    }

    /** Stands in for a request type: the sentences above depend on the constraint and the label only. */
    record SessionsFixture(@jakarta.validation.constraints.NotBlank String title,
                           @Size(max = 1000) String description,
                           @Size(max = 2) List<String> tags) {
    }

    private static Annotation component(Class<?> record, String name, Class<? extends Annotation> type) {
        try {
            return record.getDeclaredMethod(name).getAnnotation(type);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static void walk(Class<?> record, List<Checked> checked, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Method accessor = component.getAccessor();
            for (Annotation constraint : constraints(accessor.getAnnotations())) {
                checked.add(check(record.getSimpleName(), component.getName(), constraint, component.getType()));
            }
            AnnotatedType type = accessor.getAnnotatedReturnType();
            if (type instanceof AnnotatedParameterizedType generic) {
                for (AnnotatedType element : generic.getAnnotatedActualTypeArguments()) {
                    for (Annotation constraint : constraints(element.getAnnotations())) {
                        checked.add(check(record.getSimpleName(), component.getName(), constraint,
                                element.getType() instanceof Class<?> c ? c : Object.class));
                    }
                    if (element.getType() instanceof Class<?> c && c.isRecord()) {
                        walk(c, checked, seen);
                    }
                }
            } else if (component.getType().isRecord()) {
                walk(component.getType(), checked, seen);
            }
            if (component.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
                walk(c, checked, seen);
            }
        }
    }

    private static List<Annotation> constraints(Annotation[] annotations) {
        return Stream.of(annotations).filter(a -> a.annotationType().isAnnotationPresent(Constraint.class)).toList();
    }

    /** Words for a value that breaks the constraint: too long by one, or missing. */
    private static Checked check(String type, String field, Annotation constraint, Class<?> valueType) {
        Object rejected = null;
        if (constraint instanceof Size size) {
            int length = size.max() == Integer.MAX_VALUE ? size.min() - 1 : size.max() + 1;
            rejected = Collection.class.isAssignableFrom(valueType)
                    ? Collections.nCopies(length, "x") : "x".repeat(length);
        }
        return new Checked(type, field, constraint, FieldMessages.of(type, field, constraint, rejected));
    }
}
