/// @file date_tokens.h
/// @brief Internal to news_dates: the tokens date_extract.cc scans (words, numbers, punctuation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace news::date_detail {

enum class Kind : std::uint8_t { word, number, punct };

/// What a word means to the matchers.
enum class W : std::uint8_t {
    none,
    month,    ///< value = 1-12
    weekday,  ///< value = 0 (Monday) - 6
    yesterday, today, tomorrow, tonight,
    last, next, this_, coming, earlier, later, ago,
    in, on, for_, since, until, till, by, during, from, to, through, and_, or_, between, of, the, as,
    before, after, early, late, mid, end, beginning, start, middle, season, half, quarter, rest,
    fiscal, around,
    daypart,  ///< morning, afternoon, evening, night
    unit_day, unit_week, unit_month, unit_year,
    count,    ///< a, an, one ... twelve; value = the number
    ordinal,  ///< st, nd, rd, th
    s,        ///< the s of 's
    past,     ///< a past-tense verb or participle
    report,   ///< said, told: past tense of the report, for the words right after it
    future,   ///< a future marker or a present-tense verb of scheduled events
    passive,  ///< be, is, are, to...: a following participle is not past tense
    unit,     ///< a unit after a number (pct, mln, tonnes...)
    holiday,  ///< Good, Black, Cyber... (Good Friday is no weekday mention)
    abbr,     ///< Mr, Dr, Inc...: a following full stop ends no sentence
    determiner,  ///< its, their, than...: a following participle is an adjective
    lean_ahead,  ///< payable, effective, starting...: the date after it is likely ahead
    pronoun,     ///< he, they...: a following participle is a past tense ("he expected")
    but,         ///< but, while...: a clause boundary
    plain,    ///< a known word with no role (exceptions to the -ed rule)
};

struct Token {
    std::size_t begin = 0;
    std::uint32_t len = 0;
    std::int32_t value = 0;  ///< number value; month; weekday; count
    Kind kind = Kind::punct;
    W word = W::none;
    char punct = 0;  ///< ASCII punctuation; 'd' en dash, 'm' em dash; '\'' for any apostrophe
    std::uint8_t digits = 0;
    bool space_before = false;
    bool break_before = false;  ///< a blank line before the token
    bool cap = false;           ///< word starting with an upper-case letter
};

/// Splits @p text into tokens. Whitespace is not a token; it is noted on the next one.
/// UTF-8 dashes and quotes become punctuation; other non-ASCII bytes are letters.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

}  // namespace news::date_detail
