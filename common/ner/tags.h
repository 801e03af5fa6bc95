/// @file tags.h
/// @brief Entity types, the BILOU tag set and conversions between tags and spans.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace news::ner {

/// The four entity types of CoNLL-2003 (LOC is called PLACE here).
enum class EntityType : std::uint8_t { person = 0, org = 1, place = 2, misc = 3 };

/// Number of entity types.
inline constexpr std::size_t kTypeCount = 4;
/// Number of BILOU tags: O plus B, I, L, U for each type.
inline constexpr std::size_t kTagCount = 1 + 4 * kTypeCount;

/// A tag index in [0, kTagCount): 0 is O, then B, I, L, U for each type.
using Tag = std::uint8_t;

/// Position of a tag inside an entity.
enum class TagPart : std::uint8_t { outside = 0, begin = 1, inside = 2, last = 3, unit = 4 };

/// The tag for @p type at @p part (part must not be outside).
[[nodiscard]] constexpr Tag make_tag(EntityType type, TagPart part) {
    return static_cast<Tag>(1 + 4 * static_cast<unsigned>(type) + static_cast<unsigned>(part) - 1);
}
/// The part of @p tag.
[[nodiscard]] constexpr TagPart tag_part(Tag tag) {
    return tag == 0 ? TagPart::outside : static_cast<TagPart>((tag - 1) % 4 + 1);
}
/// The type of @p tag (undefined for O).
[[nodiscard]] constexpr EntityType tag_type(Tag tag) { return static_cast<EntityType>((tag - 1) / 4); }

/// "PERSON", "ORG", "PLACE", "MISC".
[[nodiscard]] std::string_view type_name(EntityType type);
/// CoNLL names: "PER", "ORG", "LOC", "MISC".
[[nodiscard]] std::string_view conll_type_name(EntityType type);
/// Parses either naming ("PER"/"PERSON", "LOC"/"PLACE", ...).
[[nodiscard]] std::optional<EntityType> parse_type(std::string_view name);
/// "O", "B-PER", "I-PER", ... for diagnostics.
[[nodiscard]] std::string_view tag_name(Tag tag);

/// True when @p next may follow @p prev in a well-formed BILOU sequence.
[[nodiscard]] bool transition_allowed(Tag prev, Tag next);
/// True when @p tag may start a sentence / end a sentence.
[[nodiscard]] bool start_allowed(Tag tag);
[[nodiscard]] bool end_allowed(Tag tag);

/// A typed entity over tokens [first, last).
struct Span {
    std::size_t first = 0;
    std::size_t last = 0;
    EntityType type = EntityType::misc;
    friend bool operator==(const Span&, const Span&) = default;
};

/// BILOU tags for @p spans over @p length tokens.
[[nodiscard]] std::vector<Tag> spans_to_tags(std::span<const Span> spans, std::size_t length);
/// Spans of a BILOU sequence; tolerant of ill-formed sequences.
[[nodiscard]] std::vector<Span> tags_to_spans(std::span<const Tag> tags);

}  // namespace news::ner
