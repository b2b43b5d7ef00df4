package app.rounds.testing;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The integration test classes that start servers of their own (they do not use {@link RunningRounds}) come first:
 * they then run while the shared server starts, when the classes that need it can only wait, instead of lengthening
 * the end of the run. The others keep their order. (Side by side, the first classes in this order start first.)
 */
public final class OwnServersFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(OwnServersFirst::usesTheSharedServer));
    }

    private static boolean usesTheSharedServer(ClassDescriptor test) {
        return AnnotationSupport.findRepeatableAnnotations(test.getTestClass(), ExtendWith.class).stream()
                .flatMap(extensions -> Arrays.stream(extensions.value()))
                .anyMatch(RunningRounds.class::equals);
    }
}
