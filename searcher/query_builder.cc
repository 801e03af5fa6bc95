/// @file query_builder.cc
/// @brief Query parsing over the schema.
#include "searcher/query_builder.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include <fmt/format.h>

#include "common/article.h"
#include "common/schema.h"

namespace news {
namespace {

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (also "YYYYMMDD"); throws QueryError.
DateValue parse_date_spec(std::string_view s) {
    DateValue d;
    bool ok = false;
    if (s.size() == 4) {
        ok = parse_int(s, d.year);
    } else if (s.size() == 7 && s[4] == '-') {
        ok = parse_int(s.substr(0, 4), d.year) && parse_int(s.substr(5, 2), d.month);
    } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        ok = parse_int(s.substr(0, 4), d.year) && parse_int(s.substr(5, 2), d.month) &&
             parse_int(s.substr(8, 2), d.day);
    } else if (s.size() == 8) {
        ok = parse_int(s.substr(0, 4), d.year) && parse_int(s.substr(4, 2), d.month) &&
             parse_int(s.substr(6, 2), d.day);
    }
    // Every month or day written is checked, "00" included ("2026-00-01"
    // indexed days_in_month's table at -1: found by fuzz/fuzz_query).
    bool has_month = s.size() != 4;
    bool has_day = s.size() == 8 || s.size() == 10;
    if (ok && has_month && (d.month < 1 || d.month > 12)) ok = false;
    if (ok && has_day && (d.day < 1 || d.day > days_in_month(d.year, d.month))) ok = false;
    if (!ok || d.year < 1 || d.year > 9999) {
        throw QueryError(fmt::format("'{}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", s));
    }
    return d;
}

DateValue first_day(DateValue d) {
    if (d.month == 0) d.month = 1;
    if (d.day == 0) d.day = 1;
    return d;
}
DateValue last_day(DateValue d) {
    if (d.month == 0) d.month = 12;
    if (d.day == 0) d.day = days_in_month(d.year, d.month);
    return d;
}

std::string compact(const DateValue& d) { return d.compact(); }

/// OR of the mention terms that cover [from, to] exactly: whole years, whole
/// months, then single days.
Xapian::Query mentioned_range(DateValue from, DateValue to) {
    using namespace schema;
    std::vector<Xapian::Query> parts;
    DateValue cur = from;
    auto push = [&](std::string_view prefix, std::string value) {
        parts.emplace_back(std::string(prefix) + value);
    };
    std::size_t guard = 0;
    while (cur <= to && guard++ < 200000) {
        bool year_start = cur.month == 1 && cur.day == 1;
        if (year_start && DateValue{cur.year, 12, 31} <= to) {
            push(kMentionYear, fmt::format("{:04d}", cur.year));
            cur = {cur.year + 1, 1, 1};
            continue;
        }
        int dim = days_in_month(cur.year, cur.month);
        if (cur.day == 1 && DateValue{cur.year, cur.month, dim} <= to) {
            push(kMentionMonth, fmt::format("{:04d}{:02d}", cur.year, cur.month));
        } else {
            int end_day = cur.year == to.year && cur.month == to.month ? to.day : dim;
            for (int day = cur.day; day <= end_day; ++day) {
                push(kMentionDay, fmt::format("{:04d}{:02d}{:02d}", cur.year, cur.month, day));
            }
        }
        cur = cur.month == 12 ? DateValue{cur.year + 1, 1, 1} : DateValue{cur.year, cur.month + 1, 1};
    }
    if (parts.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

Xapian::Query date_query(const std::string& field, const std::string& spec) {
    using namespace schema;
    bool mentioned = field == "mentioned";
    if (spec == "unknown") {
        if (mentioned) throw QueryError("mentioned:unknown is not supported; use -mentioned:.. to exclude");
        return Xapian::Query(std::string(kPubUnknown));
    }
    auto dots = spec.find("..");
    if (dots == std::string::npos) {
        DateValue d = parse_date_spec(spec);
        std::string c = d.compact();
        if (d.day) return Xapian::Query(std::string(mentioned ? kMentionDay : kPubDay) + c);
        if (d.month) return Xapian::Query(std::string(mentioned ? kMentionMonth : kPubMonth) + c.substr(0, 6));
        return Xapian::Query(std::string(mentioned ? kMentionYear : kPubYear) + c.substr(0, 4));
    }
    std::string a = spec.substr(0, dots), b = spec.substr(dots + 2);
    DateValue from = a.empty() ? DateValue{1800, 1, 1} : first_day(parse_date_spec(a));
    DateValue to = b.empty() ? DateValue{2200, 12, 31} : last_day(parse_date_spec(b));
    if (to < from) throw QueryError(fmt::format("date range '{}' ends before it begins", spec));
    if (mentioned) return mentioned_range(from, to);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, compact(from), compact(to));
}

FieldFilter parse_field_filter(const std::string& spec) {
    auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= spec.size()) {
        throw QueryError(fmt::format("filter '{}' is not FIELD:VALUE", spec));
    }
    FieldFilter f{spec.substr(0, colon), spec.substr(colon + 1)};
    if (f.field != "date" && f.field != "mentioned" && !schema::find_facet_field(f.field)) {
        throw QueryError(fmt::format("unknown filter field '{}' (person, org, place, misc, source, author, date, "
                                     "mentioned)",
                                     f.field));
    }
    return f;
}

Xapian::Query filter_query(const FieldFilter& filter) {
    if (filter.field == "date" || filter.field == "mentioned") return date_query(filter.field, filter.value);
    const auto* field = schema::find_facet_field(filter.field);
    return Xapian::Query(schema::facet_term(*field, filter.value));
}

/// date: and mentioned: inside the query string. A malformed date is kept
/// as the processor's error, not thrown: an exception thrown through
/// Xapian's QueryParser leaks its parser state (found by fuzz/fuzz_query);
/// QueryBuilder::parse throws it once parse_query has returned.
class DateFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit DateFieldProcessor(std::string field) : field_(std::move(field)) {}
    Xapian::Query operator()(const std::string& str) override {
        try {
            return date_query(field_, str);
        } catch (const QueryError& e) {
            if (error_.empty()) error_ = e.what();
            return Xapian::Query::MatchNothing;
        }
    }
    /// The first error since the last call, cleared.
    std::string take_error() { return std::exchange(error_, {}); }

private:
    std::string field_;
    std::string error_;
};

/// Auto synonyms: the indexer records each spelling of a person name's words
/// against its merge key ("XPERzelenskyy" -> "XPERzelensky"), so person:zelenskyy
/// also finds "Zelenskiy" and "Zelensky".
constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

/// The words of @p text as the indexer cuts them (TermGenerator, no stemming), in order.
std::vector<std::string> indexed_words(const std::string& text) {
    Xapian::Document scratch;
    Xapian::TermGenerator words;
    words.set_document(scratch);
    words.index_text(text);
    std::vector<std::pair<Xapian::termpos, std::string>> found;
    for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) found.emplace_back(*pos, *it);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& [pos, word] : found) out.push_back(std::move(word));
    return out;
}

/// Names (person:, org:, place:, misc:, source:, author:) are indexed without
/// positions (indexer/document_builder.cc), so a quoted name cannot be a
/// phrase: FIELD:"a b" becomes (FIELD:a AND FIELD:b), its words cut as the
/// indexer cuts them. Quotes elsewhere, and a quoted name after + or -, are left alone.
std::string quoted_names_as_and(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t colon = text.find(":\"", i);
        if (colon == std::string::npos) break;
        std::size_t start = colon;
        while (start > i && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
        std::string field = text.substr(start, colon - start);
        bool at_word_start = start == 0 || std::isspace(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '(';
        bool name = std::any_of(schema::kFacetFields.begin(), schema::kFacetFields.end(),
                                [&](const schema::FacetField& f) { return f.name == field; });
        std::size_t close = text.find('"', colon + 2);
        std::size_t end = close == std::string::npos ? text.size() : close + 1;
        if (!name || !at_word_start) {
            out.append(text, i, end - i);
            i = end;
            continue;
        }
        out.append(text, i, start - i);
        std::vector<std::string> words =
            indexed_words(text.substr(colon + 2, (close == std::string::npos ? text.size() : close) - colon - 2));
        if (!words.empty()) {
            out += '(';
            for (std::size_t w = 0; w < words.size(); ++w) out += (w ? " AND " : "") + field + ':' + words[w];
            out += ')';
        }
        i = end;
    }
    out.append(text, i, std::string::npos);
    return out;
}

struct QueryBuilder::Processors {
    DateFieldProcessor date{"date"};
    DateFieldProcessor mentioned{"mentioned"};
};

QueryBuilder::QueryBuilder(const Xapian::Database& db, MatchMode mode)
    : stemmer_("english"), processors_(std::make_unique<Processors>()) {
    using namespace schema;
    parser_.set_database(db);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(mode == MatchMode::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    parser_.set_max_expansion(1000, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    parser_.add_prefix("title", std::string(kTitle));
    for (const auto& field : kFacetFields) parser_.add_prefix(std::string(field.name), std::string(field.text_prefix));
    parser_.add_boolean_prefix("id", std::string(kId));
    parser_.add_boolean_prefix("url", std::string(kUrl));
    parser_.add_boolean_prefix("date", &processors_->date);
    parser_.add_boolean_prefix("mentioned", &processors_->mentioned);
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::parse(const std::string& query_text) {
    last_text_.clear();
    suggestion_.reset();
    if (std::all_of(query_text.begin(), query_text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
        return Xapian::Query::MatchAll;
    }
    const std::string text = quoted_names_as_and(query_text);
    Xapian::Query query;
    try {
        query = parser_.parse_query(text, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
        (void)processors_->date.take_error();
        (void)processors_->mentioned.take_error();
        throw QueryError(fmt::format("cannot parse query '{}': {}", query_text, e.get_msg()));
    }
    for (DateFieldProcessor* p : {&processors_->date, &processors_->mentioned}) {
        if (std::string error = p->take_error(); !error.empty()) {
            (void)processors_->date.take_error();
            (void)processors_->mentioned.take_error();
            throw QueryError(error);
        }
    }
    last_text_ = text;
    return query;
}

std::string QueryBuilder::suggestion() const {
    if (suggestion_) return *suggestion_;
    suggestion_ = std::string();
    if (last_text_.empty()) return *suggestion_;
    // The same parse with spelling correction: the parse succeeded before, so
    // it succeeds again; the query it returns is the one parse() returned.
    try {
        (void)parser_.parse_query(last_text_, kParseFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
        *suggestion_ = parser_.get_corrected_query_string();
    } catch (const Xapian::QueryParserError&) {
        // cannot happen (the same text parsed without the flag); no suggestion then
    }
    (void)processors_->date.take_error();
    (void)processors_->mentioned.take_error();
    return *suggestion_;
}

}  // namespace news
