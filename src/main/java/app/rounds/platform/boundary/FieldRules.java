package app.rounds.platform.boundary;

import app.rounds.platform.control.ProblemException.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A request whose fields obey rules beyond single-field constraints ("the end after the start", "a hashtag with a
 * letter"), checked by Bean Validation together with its constraints: a client hears of every field at fault in one
 * answer, not one per attempt.
 */
public interface FieldRules {

    /** The rules this request breaks, each with its field and a sentence; fields already null or blank are skipped. */
    List<FieldError> brokenRules();

    /** Put on a request type implementing {@link FieldRules}. */
    @Documented
    @Constraint(validatedBy = Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Checked {
        // never shown: each broken rule brings its own sentence
        String message() default "breaks a rule";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    class Check implements ConstraintValidator<Checked, FieldRules> {

        @Override
        public boolean isValid(FieldRules request, ConstraintValidatorContext context) {
            List<FieldError> broken = request == null ? List.of() : request.brokenRules();
            if (broken.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldError error : broken) {
                context.buildConstraintViolationWithTemplate(literal(error.message()))
                        .addPropertyNode(error.field()).addConstraintViolation();
            }
            return false;
        }

        /** A sentence may quote what a client sent: escaped, it is never read as a message expression. */
        static String literal(String sentence) {
            return sentence.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
