/// @file tags.cc
/// @brief Entity types and the BILOU tag set.
#include "common/ner/tags.h"

namespace news::ner {

std::string_view type_name(EntityType type) {
    static constexpr std::array<std::string_view, kTypeCount> names{"PERSON", "ORG", "PLACE", "MISC"};
    return names[static_cast<std::size_t>(type)];
}

std::string_view conll_type_name(EntityType type) {
    static constexpr std::array<std::string_view, kTypeCount> names{"PER", "ORG", "LOC", "MISC"};
    return names[static_cast<std::size_t>(type)];
}

std::optional<EntityType> parse_type(std::string_view name) {
    if (name == "PER" || name == "PERSON") return EntityType::person;
    if (name == "ORG") return EntityType::org;
    if (name == "LOC" || name == "PLACE") return EntityType::place;
    if (name == "MISC") return EntityType::misc;
    return std::nullopt;
}

std::string_view tag_name(Tag tag) {
    static constexpr std::array<std::string_view, kTagCount> names{
        "O",      "B-PER",  "I-PER",  "L-PER",  "U-PER",  "B-ORG",  "I-ORG",  "L-ORG",  "U-ORG",
        "B-LOC",  "I-LOC",  "L-LOC",  "U-LOC",  "B-MISC", "I-MISC", "L-MISC", "U-MISC"};
    return tag < kTagCount ? names[tag] : std::string_view("?");
}

bool transition_allowed(Tag prev, Tag next) {
    const TagPart p = tag_part(prev);
    const TagPart n = tag_part(next);
    const bool prev_open = p == TagPart::begin || p == TagPart::inside;
    const bool next_continues = n == TagPart::inside || n == TagPart::last;
    if (prev_open) return next_continues && tag_type(prev) == tag_type(next);
    return !next_continues;
}

bool start_allowed(Tag tag) {
    const TagPart n = tag_part(tag);
    return n != TagPart::inside && n != TagPart::last;
}

bool end_allowed(Tag tag) {
    const TagPart p = tag_part(tag);
    return p != TagPart::begin && p != TagPart::inside;
}

std::vector<Tag> spans_to_tags(std::span<const Span> spans, std::size_t length) {
    std::vector<Tag> tags(length, 0);
    for (const Span& s : spans) {
        if (s.first >= s.last || s.last > length) continue;
        if (s.last - s.first == 1) {
            tags[s.first] = make_tag(s.type, TagPart::unit);
            continue;
        }
        tags[s.first] = make_tag(s.type, TagPart::begin);
        for (std::size_t i = s.first + 1; i + 1 < s.last; ++i) tags[i] = make_tag(s.type, TagPart::inside);
        tags[s.last - 1] = make_tag(s.type, TagPart::last);
    }
    return tags;
}

std::vector<Span> tags_to_spans(std::span<const Tag> tags) {
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < tags.size()) {
        const Tag t = tags[i];
        if (t == 0 || t >= kTagCount) {
            ++i;
            continue;
        }
        const EntityType type = tag_type(t);
        const TagPart part = tag_part(t);
        std::size_t j = i + 1;
        if (part == TagPart::begin || part == TagPart::inside) {
            while (j < tags.size() && tags[j] != 0 && tags[j] < kTagCount && tag_type(tags[j]) == type) {
                const TagPart q = tag_part(tags[j]);
                if (q == TagPart::begin || q == TagPart::unit) break;
                ++j;
                if (q == TagPart::last) break;
            }
        }
        spans.push_back(Span{.first = i, .last = j, .type = type});
        i = j;
    }
    return spans;
}

}  // namespace news::ner
