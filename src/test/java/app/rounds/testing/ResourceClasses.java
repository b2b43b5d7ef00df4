package app.rounds.testing;

import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Every JAX-RS resource class the application compiles, found in target/classes. */
public final class ResourceClasses {

    private ResourceClasses() {
    }

    public static List<Class<?>> all() {
        var classes = Paths.get("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            List<Class<?>> resources = files
                    .filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ResourceClasses::load)
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .toList();
            if (resources.isEmpty()) {
                throw new AssertionError("no resource classes under " + classes.toAbsolutePath());
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
