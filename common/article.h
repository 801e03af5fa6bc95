/// @file article.h
/// @brief Article: the plain value every parser produces and the indexer consumes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace news {

/// A calendar value at day, month or year granularity (month/day 0 = absent).
struct DateValue {
    int year = 0;
    int month = 0;  ///< 1-12, or 0 for a year-only value
    int day = 0;    ///< 1-31, or 0 for a month- or year-only value

    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    [[nodiscard]] std::string iso() const;
    /// "YYYYMMDD" (zero-padded for coarser values); sorts chronologically.
    [[nodiscard]] std::string compact() const;
    [[nodiscard]] bool is_day() const { return day != 0; }
    friend bool operator==(const DateValue&, const DateValue&) = default;
    friend auto operator<=>(const DateValue&, const DateValue&) = default;
};

/// Where a publication date came from.
enum class DateOrigin { none, metadata, dateline, option };
[[nodiscard]] const char* to_string(DateOrigin origin);

/// An entity as extraction found it in one article: its name within the
/// article (titles stripped, short mentions linked to the full name) and the
/// other ways the article wrote it ("Zelenskiy" for "Volodymyr Zelenskiy").
struct FoundEntity {
    std::string name;
    std::vector<std::string> forms;  ///< surface forms other than name, in order of first use
    friend bool operator==(const FoundEntity&, const FoundEntity&) = default;
};

/// What extraction found, by type, before names are merged across articles and
/// user aliases applied (the index stores it so that it can re-derive values).
struct FoundEntities {
    std::vector<FoundEntity> person;
    std::vector<FoundEntity> org;
    std::vector<FoundEntity> place;
    std::vector<FoundEntity> misc;
    [[nodiscard]] bool empty() const {
        return person.empty() && org.empty() && place.empty() && misc.empty();
    }
    friend bool operator==(const FoundEntities&, const FoundEntities&) = default;
};

/// Entities by type; values are canonical names (facet values).
struct Entities {
    std::vector<std::string> person;
    std::vector<std::string> org;
    std::vector<std::string> place;
    std::vector<std::string> misc;
    [[nodiscard]] bool empty() const {
        return person.empty() && org.empty() && place.empty() && misc.empty();
    }
};

/// Entity values as found entities without surface forms (articles made
/// without extraction, data stored before surface forms were kept).
[[nodiscard]] FoundEntities found_from_values(const Entities& entities);

/// One news article, as understood from its input. No I/O.
struct Article {
    std::string id;           ///< explicit id, else URL, else path[#record]
    std::string title;
    bool title_derived = false;  ///< title made from the first sentence
    std::string body;         ///< paragraphs separated by blank lines
    std::vector<std::string> headings;  ///< section headings (also in body)
    std::optional<DateValue> date;      ///< publication date (day granularity)
    DateOrigin date_origin = DateOrigin::none;
    std::string date_raw;     ///< the publication date as written in the input
    std::string source;       ///< outlet name
    std::string url;
    std::vector<std::string> authors;

    // Filled in by extraction (see extract.h).
    Entities entities;  ///< names in the article; in the index, the merged facet values
    FoundEntities found;  ///< names with surface forms, as extraction found them
    std::vector<DateValue> dates_mentioned;

    // Provenance, filled in by the reader.
    std::string origin_path;  ///< absolute normalised file path, or "-" for standard input
    std::size_t origin_record = 0;  ///< 1-based record (line) in JSON inputs, 0 otherwise
};

}  // namespace news
