package app.rounds.testing;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which the integration test classes start (side by side, the first in this order start first). First
 * those that start servers of their own (they do not use {@link RunningRounds}): they run while the shared server
 * starts, when the classes that need it can only wait. Then those that need a resource to themselves (the media
 * folder): later, they would wait for every class that shares it and end the run nearly alone. The others keep their
 * order.
 */
public final class IntegrationClassOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(IntegrationClassOrder::usesTheSharedServer)
                .thenComparing(test -> !locksAResourceToItself(test)));
    }

    private static boolean usesTheSharedServer(ClassDescriptor test) {
        return AnnotationSupport.findRepeatableAnnotations(test.getTestClass(), ExtendWith.class).stream()
                .flatMap(extensions -> Arrays.stream(extensions.value()))
                .anyMatch(RunningRounds.class::equals);
    }

    private static boolean locksAResourceToItself(ClassDescriptor test) {
        return AnnotationSupport.findRepeatableAnnotations(test.getTestClass(), ResourceLock.class).stream()
                .anyMatch(lock -> lock.mode() == ResourceAccessMode.READ_WRITE);
    }
}
