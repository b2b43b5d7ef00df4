package app.rounds.contributions.entity;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** A poll's options stored as one JSON array: they are read and written with the poll, never queried one by one. */
@Converter
public class PollOptionsColumn implements AttributeConverter<List<PollOption>, String> {

    /** Built on first use: the entity's rules are unit-tested where there is no JSON-B provider. */
    private static final class Json {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    @Override
    public String convertToDatabaseColumn(List<PollOption> options) {
        return options == null || options.isEmpty() ? null : Json.JSON.toJson(options.toArray(PollOption[]::new));
    }

    @Override
    public List<PollOption> convertToEntityAttribute(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(Json.JSON.fromJson(stored, PollOption[].class));
    }
}
