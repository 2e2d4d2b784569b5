package dev.sinew.schema.ast;

import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code model}, {@code view}, {@code type}, {@code enum}, {@code datasource} or {@code generator} block, with
 * its entries (trivia included) in source order.
 */
public record Block(Kind kind, Identifier name, List<BlockEntry> entries, String openTrailer, String documentation,
                    Span span) implements Top {

    public enum Kind {
        MODEL("model"), VIEW("view"), COMPOSITE_TYPE("type"), ENUM("enum"), DATASOURCE("datasource"),
        GENERATOR("generator");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public Block {
        entries = List.copyOf(entries);
    }

    public List<BlockEntry.Field> fields() {
        return entries(BlockEntry.Field.class).toList();
    }

    public List<BlockEntry.EnumValue> enumValues() {
        return entries(BlockEntry.EnumValue.class).toList();
    }

    public List<BlockEntry.Property> properties() {
        return entries(BlockEntry.Property.class).toList();
    }

    public List<Attribute> blockAttributes() {
        return entries(BlockEntry.BlockAttribute.class).map(BlockEntry.BlockAttribute::attribute).toList();
    }

    private <T extends BlockEntry> Stream<T> entries(Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast);
    }
}
