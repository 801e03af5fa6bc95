/// @file date_extract.cc
/// @brief A hand-written token scanner for dates mentioned in text and datelines.
///
/// The text is split once into words, numbers and punctuation; matchers then
/// look at the few tokens around month names, weekdays, numbers and relative
/// keywords. Resolution of yearless and relative expressions is a second pass.
#include "common/date_extract.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "common/calendar.h"
#include "common/date_tokens.h"

namespace news {
namespace {

using date_detail::Kind;
using date_detail::Token;
using date_detail::W;
using date_detail::tokenize;

// ---------------------------------------------------------------------------
// Matching

/// How the clause around a mention places it relative to the reference date.
enum class Tense : std::uint8_t {
    none,
    past,           ///< on or before
    future,         ///< on or after
    past_strict,    ///< before ("last March")
    future_strict,  ///< after ("next March")
    same_year,      ///< "this March"
    ahead,          ///< no constraint, but a later date is preferred ("until May 31")
};

/// A date as written: year 0 when not written; month/day 0 when absent.
struct Part {
    int year = 0;
    int month = 0;
    int day = 0;
    int weekday = -1;  ///< written weekday ("Friday, Jan. 30"), -1 when none
};

/// One match of the first pass.
struct Raw {
    std::size_t first = 0;  ///< first token
    std::size_t last = 0;   ///< last token (inclusive)
    Part start;
    std::optional<Part> end;
    std::optional<DateValue> value;  ///< resolved relative expression
    bool relative = false;           ///< needs the publication date
    Tense tense = Tense::none;
    std::optional<int> year_shift;   ///< "March this year" 0, "next year" 1, "last year" -1
};

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;
constexpr int kMinBareYear = 1800;
constexpr int kMaxBareYear = 2100;
constexpr long kTenseTolerance = 14;  ///< days; see choose_year

DateValue monday_of(const DateValue& day) {
    return add_days(day, -weekday_of(day.year, day.month, day.day));
}

DateValue add_months(const DateValue& month, int delta) {
    const int index = month.year * 12 + (month.month - 1) + delta;
    return DateValue{index / 12, index % 12 + 1, 0};
}

class Scanner {
public:
    Scanner(std::string_view text, std::optional<DateValue> publication)
        : text_(text), tokens_(tokenize(text)), pub_(publication) {
        if (pub_ && !is_valid_day(pub_->year, pub_->month, pub_->day)) pub_.reset();
    }

    /// First pass: every match, in order.
    std::vector<Raw> scan() {
        std::vector<Raw> out;
        std::size_t i = 0;
        while (i < tokens_.size()) {
            Raw r;
            if (match_at(i, r)) {
                i = r.last + 1;
                out.push_back(r);
            } else {
                ++i;
            }
        }
        return out;
    }

    /// Second pass: resolution of yearless parts; drops what cannot be resolved.
    std::vector<MentionedDate> resolve(const std::vector<Raw>& raws) const {
        std::vector<MentionedDate> out;
        out.reserve(raws.size());
        for (std::size_t k = 0; k < raws.size(); ++k) {
            if (auto m = resolve_one(raws, k)) out.push_back(*m);
        }
        return out;
    }

    /// raws[k] resolved: its year from @p reference, else the publication date, else the
    /// nearest full date among @p raws; nullopt when it cannot be.
    std::optional<MentionedDate> resolve_one(const std::vector<Raw>& raws, std::size_t k,
                                             std::optional<DateValue> reference = std::nullopt) const {
        const Raw& r = raws[k];
        MentionedDate m;
        m.offset = tokens_[r.first].begin;
        const Token& last = tokens_[r.last];
        m.length = last.begin + last.len - m.offset;
        if (r.relative) {
            if (!r.value || r.value->year < 1 || r.value->year > 9999) return std::nullopt;
            m.value = *r.value;
            return m;
        }
        // A range with a year at one end takes the other year from it.
        const bool need_year = r.start.year == 0 && (!r.end || r.end->year == 0);
        std::optional<DateValue> anchor = reference ? reference : pub_;
        const bool from_pub = anchor.has_value();
        if (need_year && !from_pub) {
            // "last March" means nothing without a publication date.
            if (r.tense == Tense::past_strict || r.tense == Tense::future_strict || r.tense == Tense::same_year) {
                return std::nullopt;
            }
            anchor = text_anchor(raws, k);
            if (!anchor) return std::nullopt;
            // A month written with its year ("in March 2019 ... on December 1") sets the year.
            if (anchor->day == 0) {
                Part start = r.start;
                start.year = anchor->year;
                std::optional<Part> end = r.end;
                if (end) {
                    end->year = start.year;
                    if (key_of(*end) < key_of(start)) end->year += 1;
                }
                return finish(m, start, end);
            }
        }
        const Tense tense = from_pub ? r.tense : Tense::none;
        Part start = r.start;
        std::optional<Part> end = r.end;
        if (need_year && from_pub && r.year_shift) start.year = anchor->year + *r.year_shift;
        if (end && start.year == 0 && end->year != 0) {
            start.year = end->year;
            if (key_of(start) > key_of(*end)) start.year -= 1;
        } else if (start.year == 0) {
            const auto year = choose_year(start, end, *anchor, tense);
            if (!year) return std::nullopt;
            start.year = *year;
        }
        if (end && end->year == 0) {
            end->year = start.year;
            if (key_of(*end) < key_of(start)) end->year += 1;
        }
        return finish(m, start, end);
    }

    /// @p m with the value of @p start and the end of range @p end; nullopt when start is no real date.
    static std::optional<MentionedDate> finish(MentionedDate m, const Part& start, const std::optional<Part>& end) {
        if (!valid(start)) return std::nullopt;
        m.value = DateValue{start.year, start.month, start.day};
        if (end && valid(*end) && key_of(*end) > key_of(start)) {
            m.range_end = DateValue{end->year, end->month, end->day};
        }
        return m;
    }

    const std::vector<Token>& tokens() const { return tokens_; }

    /// Accepts lower-case "may" and "march" as months (after "NEW YORK," they can be nothing else).
    void accept_any_case() { any_case_ = true; }

    /// Matches a month-day or day-month date (with an optional year) at @p i.
    bool match_calendar_at(std::size_t i, Raw& r) {
        const Token& t = tokens_[i];
        if (t.kind == Kind::word && t.word == W::month) return match_month_first(i, r) && r.start.day;
        if (t.kind == Kind::number) return match_day_first(i, r);
        return false;
    }

private:
    // -- token helpers ------------------------------------------------------

    const Token* at(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
    bool is_word(std::size_t i, W w) const {
        const Token* t = at(i);
        return t && t->kind == Kind::word && t->word == w;
    }
    bool is_punct(std::size_t i, char c) const {
        const Token* t = at(i);
        return t && t->kind == Kind::punct && t->punct == c;
    }
    bool is_number(std::size_t i) const {
        const Token* t = at(i);
        return t && t->kind == Kind::number;
    }
    bool glued(std::size_t i) const {  // no space before token i
        const Token* t = at(i);
        return t && !t->space_before;
    }
    /// Word before token i, skipping nothing; W::none at the start.
    W word_before(std::size_t i) const {
        if (i == 0) return W::none;
        const Token& t = tokens_[i - 1];
        return t.kind == Kind::word ? t.word : W::none;
    }
    std::string_view text_of(std::size_t i) const { return text_.substr(tokens_[i].begin, tokens_[i].len); }

    bool is_dash(std::size_t i) const { return is_punct(i, '-') || is_punct(i, 'd'); }

    bool is_day_number(std::size_t i) const {
        const Token* t = at(i);
        return t && t->kind == Kind::number && t->digits <= 2 && t->value >= 1 && t->value <= 31;
    }
    bool is_year_number(std::size_t i, int lo = kMinYear, int hi = kMaxYear) const {
        const Token* t = at(i);
        return t && t->kind == Kind::number && t->digits == 4 && t->value >= lo && t->value <= hi;
    }

    /// True when the number at @p i continues into a larger number, a decimal,
    /// a time, a fraction, a percentage or a quantity ("3.5", "3,000", "20:15", "12 pct").
    bool number_continues(std::size_t i) const {
        const Token* n = at(i + 1);
        if (!n) return false;
        if (n->kind == Kind::punct && !n->space_before) {
            if (n->punct == '%') return true;
            if ((n->punct == '.' || n->punct == ':' || n->punct == '/') && is_number(i + 2) && glued(i + 2)) {
                return true;
            }
            if (n->punct == ',' && is_number(i + 2) && glued(i + 2) && tokens_[i + 2].digits == 3) return true;
        }
        if (n->kind == Kind::word && n->word == W::unit) return true;
        return false;
    }
    /// True when the number at @p i is the tail of a larger number or an amount ("1,000", "$2022", "0.5").
    /// An optional year after token @p last ("3 March 2025", "March 3, 2025"):
    /// sets @p p's year and returns the year's token, else returns @p last.
    std::size_t take_year_after(std::size_t last, Part& p) const {
        std::size_t k = last + 1;
        if (is_punct(k, ',')) ++k;
        if (is_year_number(k) && !number_continues(k) && !number_is_tail(k)) {
            p.year = tokens_[k].value;
            return k;
        }
        return last;
    }

    bool number_is_tail(std::size_t i) const {
        if (i == 0 || tokens_[i].space_before) return false;
        const Token& p = tokens_[i - 1];
        if (p.kind == Kind::number || p.kind == Kind::word) return true;
        if (p.punct == '$' || p.punct == '#' || p.punct == '+' || p.punct == '/' || p.punct == ':') return true;
        if ((p.punct == '.' || p.punct == ',' || p.punct == '-') && i >= 2 && is_number(i - 2) && glued(i - 1)) {
            return true;
        }
        return false;
    }

    bool month_word_ok(std::size_t i) const {
        // "may" and "march" are verbs when not capitalised.
        const Token& t = tokens_[i];
        if ((t.value == 5 || t.value == 3) && !t.cap && !any_case_) return false;
        return true;
    }
    /// True for a month abbreviation ("Feb", "Sept"), false for a full name ("May", "June").
    bool is_abbrev_month(std::size_t i) const {
        const Token& t = tokens_[i];
        if (t.len > 4 || t.value == 5) return false;
        return !(t.len == 4 && (t.value == 6 || t.value == 7));
    }

    /// Index after an ordinal suffix glued to the number at @p i, or i + 1.
    std::size_t after_ordinal(std::size_t i, bool* had = nullptr) const {
        if (is_word(i + 1, W::ordinal) && glued(i + 1)) {
            if (had) *had = true;
            return i + 2;
        }
        if (had) *had = false;
        return i + 1;
    }

    bool sentence_end(std::size_t i) const {
        const Token& t = tokens_[i];
        if (t.kind != Kind::punct) return false;
        if (t.punct == '!' || t.punct == '?' || t.punct == ';' || t.punct == ':') return true;
        if (t.punct != '.') return false;
        if (!t.space_before && is_number(i - 1) && is_number(i + 1) && glued(i + 1)) return false;  // 0.7
        if (i > 0 && tokens_[i - 1].kind == Kind::word && !t.space_before) {
            const Token& p = tokens_[i - 1];
            if (p.word == W::abbr || p.len == 1 || (p.word == W::month && p.len <= 4)) return false;
        }
        return true;
    }

    // -- tense --------------------------------------------------------------

    /// The tense word @p i marks; @p distance is its distance in tokens from the mention.
    Tense cue_at(std::size_t i, std::size_t distance) const {
        const Token& t = tokens_[i];
        if (t.kind != Kind::word) return Tense::none;
        // A capitalised word inside a sentence is a name ("Insured Income Fund").
        if (t.cap && i > 0 && !sentence_end(i - 1) && !t.break_before && !is_punct(i - 1, '"')) return Tense::none;
        const W prev = i > 0 && tokens_[i - 1].kind == Kind::word ? tokens_[i - 1].word : W::none;
        const bool after_article = prev == W::the || prev == W::determiner || prev == W::as ||
                                   (prev == W::count && tokens_[i - 1].value == 1) ||
                                   (i > 0 && !t.space_before && tokens_[i - 1].kind == Kind::punct &&
                                    tokens_[i - 1].punct == '-');  // "smaller-than-expected"
        const std::string_view word = text_of(i);
        const bool participle = word.size() > 3 && (word.back() == 'd' || word.back() == 'D') &&
                                (word[word.size() - 2] == 'e' || word[word.size() - 2] == 'E');
        switch (t.word) {
            case W::report:
                // "said on Friday" dates the saying; "said the March 12 vote" does not.
                return distance <= 3 ? Tense::past : Tense::none;
            case W::future:
                if (participle) {
                    if (prev == W::pronoun) return Tense::past;  // "he expected"
                    // "the planned tariffs", "than expected", "had been expected", "was due".
                    if (after_article || prev == W::past) return Tense::none;
                    if (prev == W::passive && (text_of(i - 1) == "been" || text_of(i - 1) == "be")) return Tense::none;
                    return Tense::future;
                }
                if (prev == W::to || prev == W::past) return Tense::none;  // "failed to meet", "was due"
                // "due to" the rain: a cause; "ahead of" the talks: an order.
                if ((word == "due" || word == "Due") && is_word(i + 1, W::to)) return Tense::none;
                if ((word == "ahead" || word == "Ahead") && is_word(i + 1, W::of)) return Tense::none;
                return Tense::future;
            case W::passive:
                // "to be held": ahead.
                return prev == W::to && (word == "be" || word == "Be") ? Tense::future : Tense::none;
            case W::past:
                // A participle after be/is/to is passive or an infinitive ("will be held");
                // after an article it is an adjective ("the announced plan").
                if (prev == W::passive || prev == W::to || after_article) return Tense::none;
                return Tense::past;
            default:
                return Tense::none;
        }
    }

    /// The tense of the clause around tokens first..last: the nearer of the nearest
    /// cue before (up to 10 tokens) and after (up to 5) within the sentence; the one
    /// before on a tie. An attribution after the date (", they said") is no cue.
    Tense tense_around(std::size_t first, std::size_t last) const {
        Tense before = Tense::none;
        std::size_t before_distance = 0;
        for (std::size_t k = first, steps = 0; k > 0 && steps < 10; ++steps) {
            --k;
            if (sentence_end(k) || tokens_[k + 1].break_before) break;
            if (const Tense c = cue_at(k, steps + 1); c != Tense::none) {
                before = c;
                before_distance = steps + 1;
                break;
            }
        }
        // A date opening its sentence ("On Friday, the bank said") takes the verb after a
        // comma; elsewhere a comma ends its clause ("on March 17, and they must rule").
        const bool opens_sentence = first <= 2 || sentence_end(first - 1) || sentence_end(first - 2) ||
                                    tokens_[first].break_before || tokens_[first - 1].break_before;
        bool comma = false;
        for (std::size_t k = last + 1, steps = 0; k < tokens_.size() && steps < 5; ++k, ++steps) {
            if (before != Tense::none && steps + 1 >= before_distance) break;
            if (sentence_end(k) || tokens_[k].break_before) break;
            // A coordinated clause has its own tense: "in February and is expected to".
            if (steps > 0 && (is_word(k, W::and_) || is_word(k, W::but))) break;
            if (tokens_[k].kind == Kind::punct && tokens_[k].punct == ',') {
                if (!opens_sentence) break;
                comma = true;
            }
            if (tokens_[k].kind == Kind::word && tokens_[k].word == W::report) {
                if (comma && !opens_sentence) continue;  // an attribution: "..., they said"
                return Tense::past;                      // "In March Ecuador said"
            }
            if (const Tense c = cue_at(k, steps + 1); c != Tense::none) return c;
        }
        return before;
    }

    /// "this year" (0), "next year" (1) or "last year" (-1) right after token @p last.
    std::optional<int> year_shift_after(std::size_t last) const {
        std::size_t k = last + 1;
        if (is_punct(k, ',')) ++k;
        if (!is_word(k + 1, W::unit_year) || text_of(k + 1).size() != 4) return std::nullopt;
        if (is_word(k, W::this_)) return 0;
        if (is_word(k, W::next)) return 1;
        if (is_word(k, W::last)) return -1;
        return std::nullopt;
    }

    /// The tense for a date at tokens first..last: "since March 2" is past; else the clause's.
    Tense date_tense(std::size_t first, std::size_t last) const {
        // The preposition governing the date, past "early", "late", "mid-", "the".
        std::size_t p = first;
        while (p > 0 && (is_word(p - 1, W::early) || is_word(p - 1, W::late) || is_word(p - 1, W::mid) ||
                         is_punct(p - 1, '-'))) {
            --p;
        }
        W before = word_before(p);
        if ((before == W::in || before == W::on) && p >= 2 &&
            (is_word(p - 2, W::lean_ahead) || is_word(p - 2, W::beginning))) {
            before = W::lean_ahead;  // "beginning in September", "effective on May 1"
        }
        if (before == W::since) return Tense::past;
        // "from October 1", "until May 31", "payable May 15", "set for April 27": a start, an
        // end or an appointment, which a past-tense clause ("extended the offer until") moves
        // not into the past.
        if (before == W::from || before == W::until || before == W::till || before == W::by || before == W::for_ ||
            before == W::lean_ahead || before == W::beginning) {
            return Tense::ahead;
        }
        if (before == W::next) return Tense::future_strict;  // "next January 1"
        if (before == W::last) return Tense::past_strict;
        // "a January 30 offer", "their February 22 pact": a name for something, not the clause's time.
        if (before == W::the || before == W::determiner || (before == W::count && tokens_[first - 1].value == 1)) {
            return Tense::none;
        }
        return tense_around(first, last);
    }

    // -- matchers -----------------------------------------------------------

    bool match_at(std::size_t i, Raw& r) {
        const Token& t = tokens_[i];
        if (t.kind == Kind::number) {
            if (t.digits == 4) return match_iso(i, r) || match_year(i, r);
            if (t.digits <= 2) return match_count_ago(i, r) || match_day_first(i, r);
            return false;
        }
        if (t.kind != Kind::word) return false;
        switch (t.word) {
            case W::weekday: return match_weekday(i, r);
            case W::month: return match_month_first(i, r);
            case W::yesterday:
            case W::today:
            case W::tomorrow:
            case W::tonight: return match_deictic(i, r);
            case W::last:
            case W::next:
            case W::this_:
            case W::earlier:
            case W::later:
            case W::coming: return match_shifted(i, r);
            case W::count: return match_count_ago(i, r);
            case W::in: return match_in_count(i, r);
            default: return false;
        }
    }

    /// Completes @p r (ending at r.last) with the end of a range when one follows.
    void extend_range(Raw& r, bool month_first) {
        const std::size_t s = r.last + 1;
        const W before = r.first > 0 ? word_before(r.first) : W::none;
        bool sep = is_dash(s) || is_word(s, W::to) || is_word(s, W::through);
        if (!sep && (is_word(s, W::until) || is_word(s, W::till))) sep = before == W::from;
        if (!sep && is_word(s, W::and_)) sep = before == W::between;
        if (!sep) return;
        const std::size_t k = s + 1;
        if (k >= tokens_.size()) return;
        Raw second;
        const Token& t = tokens_[k];
        if (t.kind == Kind::word && t.word == W::month) {
            if (!match_month_first(k, second, false) || !second.start.day) return;
        } else if (t.kind == Kind::number && t.digits == 4 && r.start.year != 0) {
            if (!match_iso(k, second, false)) return;
        } else if (t.kind == Kind::number && t.digits <= 2) {
            if (!match_day_first(k, second, false)) {
                if (!month_first || !is_day_number(k) || number_continues(k)) return;
                // "January 6-9", "January 6 to 9, 2026": the day of the same month.
                second.first = k;
                second.last = after_ordinal(k) - 1;
                second.start = Part{0, r.start.month, t.value};
                std::size_t y = second.last + 1;
                if (is_punct(y, ',')) ++y;
                if (is_year_number(y) && !number_continues(y)) {
                    second.start.year = tokens_[y].value;
                    second.last = y;
                }
                if (second.start.day <= r.start.day) return;
            }
        } else {
            return;
        }
        if (second.start.day == 0) return;
        r.end = second.start;  // a year written only at the end is shared at resolution
        r.last = second.last;
    }

    /// "2025-11-03", "2025/11/03".
    bool match_iso(std::size_t i, Raw& r, bool allow_range = true) {
        if (number_is_tail(i)) return false;
        const std::size_t a = i + 1;
        const std::size_t b = i + 2;
        const std::size_t c = i + 3;
        const std::size_t d = i + 4;
        if (!(is_punct(a, '-') || is_punct(a, '/')) || !glued(a) || !glued(b) || !glued(c) || !glued(d)) return false;
        if (!is_number(b) || !is_punct(c, tokens_[a].punct) || !is_number(d)) return false;
        if (tokens_[b].digits > 2 || tokens_[d].digits > 2) return false;
        const Part p{tokens_[i].value, tokens_[b].value, tokens_[d].value};
        if (!is_valid_day(p.year, p.month, p.day)) return false;
        // "2025-11-03-1" or "2025-11-03.5" is an identifier or a number.
        if ((is_punct(d + 1, '-') || is_punct(d + 1, '.') || is_punct(d + 1, '/')) && glued(d + 1) &&
            is_number(d + 2) && glued(d + 2)) {
            return false;
        }
        r.first = i;
        r.last = d;
        r.start = p;
        if (allow_range) extend_range(r, false);
        return true;
    }

    bool year_context_before(std::size_t i) const {
        if (i == 0) return false;
        const Token& p = tokens_[i - 1];
        if (p.kind == Kind::punct && p.punct == '-' && !tokens_[i].space_before && i >= 2 &&
            is_word(i - 2, W::mid)) {
            return true;  // mid-2022
        }
        if (p.kind != Kind::word) return false;
        switch (p.word) {
            case W::in:
            case W::since:
            case W::until:
            case W::till:
            case W::by:
            case W::during:
            case W::from:
            case W::before:
            case W::after:
            case W::through:
            case W::early:
            case W::late:
            case W::mid:
            case W::fiscal:
            case W::around:
            case W::season:
                return true;
            case W::of: {
                if (i < 2 || tokens_[i - 2].kind != Kind::word) return false;
                const W w = tokens_[i - 2].word;
                return w == W::end || w == W::beginning || w == W::start || w == W::middle ||
                       w == W::season || w == W::half || w == W::quarter || w == W::rest ||
                       w == W::as;
            }
            default:
                return false;
        }
    }

    /// A bare year followed by a noun is a quantity ("in 2000 homes").
    bool year_followed_by_noun(std::size_t i) const {
        const Token* n = at(i + 1);
        if (!n || n->kind != Kind::word) return false;
        if (n->word == W::unit) return true;
        if (n->cap || n->word != W::none) return false;
        const std::string_view w = text_of(i + 1);
        return w.size() > 2 && w.back() == 's';
    }

    /// Bare years in date context ("in 2022", "since 2019", "2022's", "mid-2022"),
    /// year ranges ("2019-2022", "from 2019 to 2022", "between 2019 and 2022").
    bool match_year(std::size_t i, Raw& r) {
        if (!is_year_number(i, kMinBareYear, kMaxBareYear) || number_is_tail(i)) return false;
        const int year = tokens_[i].value;
        // Range.
        {
            const std::size_t s = i + 1;
            const W before = word_before(i);
            bool sep = false;
            if (is_dash(s)) {
                sep = (glued(s) && glued(s + 1)) || tokens_[s].punct == 'd' || before == W::from ||
                      before == W::between;
            } else if (is_word(s, W::to) || is_word(s, W::through) || is_word(s, W::until)) {
                sep = before == W::from || year_context_before(i);
            } else if (is_word(s, W::and_)) {
                sep = before == W::between;
            }
            if (sep && is_year_number(s + 1, kMinBareYear, kMaxBareYear) && !number_continues(s + 1)) {
                const int y2 = tokens_[s + 1].value;
                if (y2 > year && y2 - year <= 200) {
                    r.first = i;
                    r.last = s + 1;
                    r.start = Part{year, 0, 0};
                    r.end = Part{y2, 0, 0};
                    return true;
                }
            }
        }
        if (number_continues(i)) return false;
        if ((is_punct(i + 1, '-') || is_punct(i + 1, '.')) && glued(i + 1) && is_number(i + 2) && glued(i + 2)) {
            return false;  // 2022-23, 2022.5
        }
        const bool possessive = is_punct(i + 1, '\'') && glued(i + 1) && is_word(i + 2, W::s) && glued(i + 2);
        bool context = possessive || year_context_before(i);
        if (!context && i >= 2 && (is_word(i - 1, W::and_) || is_word(i - 1, W::or_) || is_punct(i - 1, ','))) {
            // "in 2022 and 2023": a second year after a year in context.
            context = is_year_number(i - 2, kMinBareYear, kMaxBareYear) && year_context_before(i - 2);
        }
        if (!context || (!possessive && year_followed_by_noun(i))) return false;
        r.first = i;
        r.last = i;
        r.start = Part{year, 0, 0};
        return true;
    }

    /// "January 24, 2026", "Dec. 2", "February 1st", "March 2022", "in March".
    bool match_month_first(std::size_t i, Raw& r, bool allow_range = true) {
        if (!month_word_ok(i)) return false;
        const Token& m = tokens_[i];
        const bool abbrev = is_abbrev_month(i);
        std::size_t j = i + 1;
        bool dot = false;
        if (abbrev && is_punct(j, '.') && glued(j)) {
            ++j;
            dot = true;
        }
        // "OCT7", "DEC7": contract codes in price tables, not dates.
        if (is_day_number(j) && !number_continues(j) && (dot || !glued(j))) {
            Part p{0, m.value, tokens_[j].value};
            std::size_t e = take_year_after(after_ordinal(j) - 1, p);
            r.first = i;
            r.last = e;
            r.start = p;
            if (allow_range) extend_range(r, true);
            if (allow_range && !r.end && r.start.year == 0) r.start.year = shared_year(r.last, true);
            if (r.start.year == 0 || (r.end && r.end->year == 0)) {
                r.tense = date_tense(r.first, r.last);
                r.year_shift = year_shift_after(r.last);
            }
            return true;
        }
        if (!m.cap) return false;
        // "March 2022", "February, 1990".
        const std::size_t y = is_punct(j, ',') && !dot ? j + 1 : j;
        if (is_year_number(y) && !number_continues(y) && !number_is_tail(y) && (y == j || !year_followed_by_noun(y))) {
            r.first = i;
            r.last = y;
            r.start = Part{tokens_[y].value, m.value, 0};
            return true;
        }
        if (abbrev && !dot) return false;
        if (!allow_range) return false;
        // A bare month name needs a context word: "in March", "since May", "last June", "mid-March".
        Tense tense = Tense::none;
        bool context = false;
        const W prev = word_before(i);
        if (i >= 2 && is_punct(i - 1, '-') && !m.space_before && is_word(i - 2, W::mid)) {
            context = true;
        } else {
            switch (prev) {
                case W::last: context = true; tense = Tense::past_strict; break;
                case W::next: context = true; tense = Tense::future_strict; break;
                case W::this_: context = true; tense = Tense::same_year; break;
                case W::in:
                case W::since:
                case W::from:
                case W::until:
                case W::till:
                case W::by:
                case W::during:
                case W::before:
                case W::after:
                case W::early:
                case W::late:
                case W::mid:
                    context = true;
                    break;
                case W::for_:
                    context = m.value != 5;  // "figures for January"; "voted for May" is a person
                    break;
                case W::of: {
                    context = i >= 2 && tokens_[i - 2].kind == Kind::word &&
                              (tokens_[i - 2].word == W::end || tokens_[i - 2].word == W::beginning ||
                               tokens_[i - 2].word == W::start || tokens_[i - 2].word == W::middle);
                    break;
                }
                default:
                    break;
            }
        }
        // "March this year", "May last year".
        if (!context && year_shift_after(dot ? i + 1 : i)) context = true;
        if (!context) return false;
        r.first = tense != Tense::none ? i - 1 : i;  // "last March"
        r.last = dot ? i + 1 : i;
        r.start = Part{0, m.value, 0};
        r.start.year = shared_year(r.last, false);
        // "figures for February": a period the data cover, whatever the clause's tense.
        r.tense = tense != Tense::none ? tense : prev == W::for_ ? Tense::none : date_tense(i, r.last);
        if (tense == Tense::none) r.year_shift = year_shift_after(r.last);
        return true;
    }

    /// The year of a coordinated date after token @p last: "January [6] and June [3,] 1986"
    /// gives 1986 to "January [6]"; 0 when none. @p with_day: the coordinated date has a day.
    int shared_year(std::size_t last, bool with_day) const {
        const std::size_t c = last + 1;
        if (!(is_word(c, W::and_) || is_word(c, W::or_) || is_punct(c, ',') || is_word(c, W::to) ||
              is_word(c, W::through) || is_dash(c))) {
            return 0;
        }
        std::size_t k = c + 1;
        if (!is_word(k, W::month) || !month_word_ok(k)) return 0;
        ++k;
        if (is_punct(k, '.') && glued(k)) ++k;
        if (with_day) {
            if (!is_day_number(k)) return 0;
            k = after_ordinal(k);
            if (is_punct(k, ',')) ++k;
        }
        if (!is_year_number(k) || number_continues(k)) return 0;
        return tokens_[k].value;
    }

    /// "3 March 2025", "the 3rd of March", "12 to 15 June", "12-15 June 2025".
    /// @p allow_range false: the second part of a range, which may follow a dash ("12-15 June").
    bool match_day_first(std::size_t i, Raw& r, bool allow_range = true) {
        if (!is_day_number(i) || (allow_range && number_is_tail(i))) return false;
        bool ordinal = false;
        std::size_t j = after_ordinal(i, &ordinal);
        if (is_word(j, W::of) && (ordinal || word_before(i) == W::the)) ++j;
        const Token* m = at(j);
        if (!m || m->kind != Kind::word || m->word != W::month) {
            if (!allow_range) return false;
            // "12 to 15 June", "12-15 June".
            const std::size_t s = j;
            const W before = word_before(i);
            bool sep = is_dash(s) || is_word(s, W::to) || is_word(s, W::through);
            if (!sep && is_word(s, W::and_)) sep = before == W::between;
            if (!sep || number_continues(i)) return false;
            Raw second;
            if (!match_day_first(s + 1, second, false)) return false;
            if (second.start.day <= tokens_[i].value) return false;
            r.first = i;
            r.last = second.last;
            r.start = Part{second.start.year, second.start.month, tokens_[i].value};
            r.end = second.start;
            if (r.start.year == 0) r.tense = date_tense(r.first, r.last);
            return true;
        }
        if (!month_word_ok(j)) return false;
        std::size_t e = j;
        if (is_punct(e + 1, '.') && glued(e + 1) && is_abbrev_month(j)) ++e;
        Part p{0, m->value, tokens_[i].value};
        e = take_year_after(e, p);
        r.first = i;
        r.last = e;
        r.start = p;
        if (allow_range) extend_range(r, false);
        if (r.start.year == 0 || (r.end && r.end->year == 0)) {
            r.tense = date_tense(r.first, r.last);
            r.year_shift = year_shift_after(r.last);
        }
        return true;
    }

    /// "Sunday, February 1, 2026" (one mention), or "on Friday", "last Friday", "next Sunday".
    bool match_weekday(std::size_t i, Raw& r) {
        const int wd = tokens_[i].value;
        std::size_t j = i + 1;
        if (is_punct(j, ',')) ++j;
        if (j < tokens_.size() && match_calendar_at(j, r)) {
            r.first = i;
            r.start.weekday = wd;
            return true;
        }
        if (i > 0 && tokens_[i - 1].kind == Kind::word &&
            (tokens_[i - 1].word == W::holiday || (tokens_[i - 1].word == W::count && tokens_[i - 1].value == 1 &&
                                                   text_of(i - 1).size() <= 2))) {
            return false;  // "Good Friday", "a Thursday"
        }
        r = Raw{};
        r.first = i;
        r.last = i;
        r.relative = true;
        if (is_word(i + 1, W::daypart)) r.last = i + 1;
        Tense tense = Tense::none;
        const W before = word_before(i);
        if (before == W::last) {
            tense = Tense::past_strict;
            r.first = i - 1;
        } else if (before == W::next) {
            tense = Tense::future_strict;
            r.first = i - 1;
        } else if (before == W::this_ || before == W::coming) {
            tense = Tense::future;
            r.first = i - 1;
            if (before == W::coming && i >= 2 && is_word(i - 2, W::this_)) r.first = i - 2;
        } else {
            tense = tense_around(i, r.last);
            if (tense == Tense::none) {
                // "from Monday", "by Friday" look ahead; otherwise news reports mostly past events.
                const bool ahead = before == W::from || before == W::by || before == W::until || before == W::till;
                tense = ahead ? Tense::future : Tense::past;
            }
        }
        if (pub_) {
            const int pwd = weekday_of(pub_->year, pub_->month, pub_->day);
            int delta = 0;
            switch (tense) {
                case Tense::past: delta = -((pwd - wd + 7) % 7); break;
                case Tense::past_strict: delta = -((pwd - wd + 6) % 7 + 1); break;
                case Tense::future: delta = (wd - pwd + 7) % 7; break;
                case Tense::future_strict: delta = (wd - pwd + 6) % 7 + 1; break;
                default: break;
            }
            r.value = add_days(*pub_, delta);
        }
        return true;
    }

    /// "yesterday", "today", "tomorrow", "tonight".
    bool match_deictic(std::size_t i, Raw& r) {
        const W w = tokens_[i].word;
        // A capitalised "Today" inside a sentence is a title: "USA Today", "Radio 4's Today programme".
        if (w == W::today && tokens_[i].cap && i > 0 && !tokens_[i].break_before && !sentence_end(i - 1) &&
            !is_punct(i - 1, '"') && !is_punct(i - 1, '\'') && !is_punct(i - 1, '(')) {
            return false;
        }
        r.first = i;
        r.last = i;
        r.relative = true;
        long delta = w == W::yesterday ? -1 : w == W::tomorrow ? 1 : 0;
        // "the day before yesterday", "the day after tomorrow".
        if (i >= 2 && is_word(i - 2, W::unit_day) && text_of(i - 2).size() == 3 &&
            ((w == W::yesterday && is_word(i - 1, W::before)) || (w == W::tomorrow && is_word(i - 1, W::after)))) {
            delta *= 2;
            r.first = i >= 3 && is_word(i - 3, W::the) ? i - 3 : i - 2;
        }
        if (pub_) r.value = add_days(*pub_, delta);
        return true;
    }

    /// "last month", "next week", "this year", "earlier this month", "this morning",
    /// "later this year", "last Friday" and "next March" (handled by their own matchers).
    bool match_shifted(std::size_t i, Raw& r) {
        std::size_t j = i;
        if (is_word(j, W::earlier) || is_word(j, W::later)) {
            if (!is_word(j + 1, W::this_)) return false;
            ++j;
        }
        if (is_word(j, W::coming)) return false;
        const W shift = tokens_[j].word;
        if (shift != W::last && shift != W::next && shift != W::this_) return false;
        if (word_before(i) == W::the) return false;  // "the last year" is a duration
        const Token* u = at(j + 1);
        if (!u || u->kind != Kind::word) return false;
        if (u->word == W::weekday || u->word == W::month || u->word == W::coming) return false;
        const int delta = shift == W::last ? -1 : shift == W::next ? 1 : 0;
        const std::string_view unit = text_of(j + 1);
        if (unit.size() > 0 && (unit.back() == 's' || unit.back() == 'S')) return false;  // "last years"
        r.first = i;
        r.last = j + 1;
        r.relative = true;
        switch (u->word) {
            case W::unit_day: return false;
            case W::unit_week:
                if (pub_) r.value = monday_of(add_days(*pub_, 7L * delta));
                return true;
            case W::unit_month:
                if (pub_) r.value = add_months(DateValue{pub_->year, pub_->month, 0}, delta);
                return true;
            case W::unit_year:
                if (pub_) r.value = DateValue{pub_->year + delta, 0, 0};
                return true;
            case W::daypart:
                if (shift != W::this_) return false;
                if (pub_) r.value = *pub_;
                return true;
            default:
                return false;
        }
    }

    /// Number of units at @p i ("two", "a", "10"); 0 when none.
    int count_at(std::size_t i) const {
        const Token* t = at(i);
        if (!t) return 0;
        if (t->kind == Kind::word && t->word == W::count) return t->value;
        if (t->kind == Kind::number && t->digits <= 3 && t->value > 0 && !number_is_tail(i)) return t->value;
        return 0;
    }

    /// The date @p count units before (negative) or after @p pub.
    static std::optional<DateValue> shift_by(const DateValue& pub, W unit, int count) {
        switch (unit) {
            case W::unit_day: return add_days(pub, count);
            case W::unit_week: return monday_of(add_days(pub, 7L * count));
            case W::unit_month: return add_months(DateValue{pub.year, pub.month, 0}, count);
            case W::unit_year: return DateValue{pub.year + count, 0, 0};
            default: return std::nullopt;
        }
    }

    /// "two days ago", "a year ago", "10 weeks ago".
    bool match_count_ago(std::size_t i, Raw& r) {
        const int n = count_at(i);
        if (n <= 0) return false;
        const Token* u = at(i + 1);
        if (!u || u->kind != Kind::word) return false;
        if (u->word != W::unit_day && u->word != W::unit_week && u->word != W::unit_month && u->word != W::unit_year) {
            return false;
        }
        if (!is_word(i + 2, W::ago)) return false;
        r.first = i;
        r.last = i + 2;
        r.relative = true;
        if (pub_) r.value = shift_by(*pub_, u->word, -n);
        return true;
    }

    /// "in three weeks", "in 10 days" (future; not "in two days of talks", nor a past-tense duration).
    bool match_in_count(std::size_t i, Raw& r) {
        const int n = count_at(i + 1);
        if (n <= 0) return false;
        const Token* u = at(i + 2);
        if (!u || u->kind != Kind::word) return false;
        if (u->word != W::unit_day && u->word != W::unit_week && u->word != W::unit_month && u->word != W::unit_year) {
            return false;
        }
        if (is_word(i + 3, W::of) || is_word(i + 3, W::ago) || is_year_number(i + 3)) return false;  // "in nine months 1986"
        // A duration, not a date: in a past clause ("rose 5 pct in two days"), or after a
        // quantity ("lost 85 pct of its value in 16 months").
        if (tense_around(i, i + 2) == Tense::past) return false;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 6; ++steps) {
            --k;
            if (sentence_end(k)) break;
            if (tokens_[k].kind == Kind::number || is_word(k, W::unit) || is_punct(k, '%')) return false;
        }
        r.first = i;
        r.last = i + 2;
        r.relative = true;
        if (pub_) r.value = shift_by(*pub_, u->word, n);
        return true;
    }

    // -- resolution ---------------------------------------------------------

    static long key_of(const Part& p) {
        if (p.day != 0) {
            const int d = std::min(p.day, std::max(1, days_in_month(p.year, p.month)));
            return days_from_civil(p.year, p.month, d);
        }
        if (p.month != 0) return days_from_civil(p.year, p.month, 1);
        return days_from_civil(p.year, 1, 1);
    }
    static bool valid(const Part& p) {
        if (p.year < 1 || p.year > 9999) return false;
        if (p.day != 0) return is_valid_day(p.year, p.month, p.day);
        if (p.month != 0) return p.month >= 1 && p.month <= 12;
        return true;
    }

    /// The year of a yearless @p part (starting yearless range @p end, if any) nearest
    /// @p anchor that agrees with @p tense: a past range started by then, a future one
    /// has not ended yet.
    static std::optional<int> choose_year(const Part& part, const std::optional<Part>& end,
                                          const DateValue& anchor, Tense tense) {
        if (anchor.year < 2 || anchor.year > 9998) return std::nullopt;
        const bool by_month = part.day == 0;
        const int am = anchor.month != 0 ? anchor.month : 7;
        const int ad = anchor.day != 0 ? anchor.day : (anchor.month != 0 ? 15 : 1);
        const long akey = by_month ? static_cast<long>(anchor.year) * 12 + am - 1 : days_from_civil(anchor.year, am, ad);
        std::optional<int> best;
        long best_dist = 0;
        for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
            // February 29 is placed as February 28, then checked: never moved to another leap year.
            const int d = std::min(part.day, days_in_month(y, part.month));
            if (part.weekday >= 0 && !by_month && (d != part.day || weekday_of(y, part.month, d) != part.weekday)) {
                continue;
            }
            const long key = by_month ? static_cast<long>(y) * 12 + part.month - 1 : days_from_civil(y, part.month, d);
            long end_key = key;
            if (end && end->day != 0 && !by_month) {
                const int ey = end->month < part.month || (end->month == part.month && end->day < part.day) ? y + 1 : y;
                end_key = days_from_civil(ey, end->month, std::min(end->day, days_in_month(ey, end->month)));
            }
            bool ok = true;
            switch (tense) {
                case Tense::past: ok = key <= akey; break;
                case Tense::past_strict: ok = key < akey; break;
                case Tense::future: ok = end_key >= akey; break;
                case Tense::future_strict: ok = end_key > akey; break;
                case Tense::same_year: ok = y == anchor.year; break;
                case Tense::none:
                case Tense::ahead: break;
            }
            if (!ok) continue;
            long dist = akey < key ? key - akey : akey > end_key ? akey - end_key : 0;
            // News reports mostly look back: with no tense cue, a later date counts 1.5 times;
            // after "until", "from"... an earlier one does.
            if ((tense == Tense::none && akey < key) || (tense == Tense::ahead && akey > end_key)) dist += dist / 2;
            if (!best || dist < best_dist || (dist == best_dist && y == anchor.year)) {
                best = y;
                best_dist = dist;
            }
        }
        if (!best && part.weekday >= 0) {
            Part loose = part;
            loose.weekday = -1;
            return choose_year(loose, end, anchor, tense);
        }
        // A day within two weeks of the anchor is that one whatever the tense seems to say
        // ("shareholders of record on June 26 will vote", published June 29): tense cues
        // err more often than writers leave out the year of a date a year away.
        // Likewise the month before the anchor's in a future clause ("production expected in
        // February", published in March: the February just gone, not one eleven months ahead).
        if (tense == Tense::past || tense == Tense::future) {
            const auto near = choose_year(part, end, anchor, Tense::none);
            if (near && near != best) {
                if (by_month) {
                    const long dist = static_cast<long>(*near) * 12 + part.month - 1 - akey;
                    if (tense == Tense::future && dist == -1) return near;
                } else {
                    const int d = std::min(part.day, days_in_month(*near, part.month));
                    const long dist = days_from_civil(*near, part.month, d) - akey;
                    if (dist >= -kTenseTolerance && dist <= kTenseTolerance) return near;
                }
            }
        }
        return best;
    }

    /// The nearest date with a written year (day or month) to raws[k]: before it, else after it.
    std::optional<DateValue> text_anchor(const std::vector<Raw>& raws, std::size_t k) const {
        const auto full = [](const Raw& r) {
            return !r.relative && r.start.year != 0 && r.start.month != 0 && valid(r.start);
        };
        for (std::size_t j = k; j > 0; --j) {
            const Raw& r = raws[j - 1];
            if (full(r)) return DateValue{r.start.year, r.start.month, r.start.day};
        }
        for (std::size_t j = k + 1; j < raws.size(); ++j) {
            const Raw& r = raws[j];
            if (full(r)) return DateValue{r.start.year, r.start.month, r.start.day};
        }
        return std::nullopt;
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::optional<DateValue> pub_;
    bool any_case_ = false;  ///< "may" and "march" need no capital (datelines)
};

}  // namespace

std::vector<MentionedDate> extract_dates(std::string_view text, std::optional<DateValue> publication) {
    Scanner scanner(text, publication);
    return scanner.resolve(scanner.scan());
}

std::vector<DateValue> unique_values(const std::vector<MentionedDate>& dates) {
    std::vector<DateValue> values;
    values.reserve(dates.size() * 2);
    for (const auto& d : dates) {
        values.push_back(d.value);
        if (d.range_end) values.push_back(*d.range_end);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

std::optional<MentionedDate> find_dateline_mention(std::string_view text, std::optional<DateValue> reference) {
    constexpr std::size_t kMaxStart = 200;  // the dateline starts within these bytes
    constexpr std::size_t kPrefix = 400;
    Scanner head(text.substr(0, std::min(text.size(), kPrefix)), std::nullopt);
    head.accept_any_case();
    const auto& tokens = head.tokens();
    const auto newline_between = [&](std::size_t a, std::size_t b) {  // between tokens a < b
        return text.substr(tokens[a].begin, tokens[b].begin - tokens[a].begin).find('\n') != std::string_view::npos;
    };
    constexpr int kMaxPlaceWords = 6;
    std::size_t line_start = 0;
    int words_on_line = 0;
    for (std::size_t i = 0; i < tokens.size() && tokens[i].begin < kMaxStart; ++i) {
        const Token& t = tokens[i];
        if (i > 0 && newline_between(i - 1, i)) {
            line_start = i;
            words_on_line = 0;
        }
        // The place before the date ends with a comma or an abbreviation: "ABU DHABI, Feb 1",
        // "RICHMOND, Va. Feb 26".
        const bool after_place =
            i == line_start ||
            (tokens[i - 1].kind == Kind::punct &&
             (tokens[i - 1].punct == ',' || (tokens[i - 1].punct == '.' && i >= 2 && !tokens[i - 1].space_before &&
                                             tokens[i - 2].kind == Kind::word)));
        Raw r;
        const bool weekday = t.kind == Kind::word && t.word == W::weekday;
        std::size_t at = i;
        if (weekday) {
            at = i + 1;
            if (at < tokens.size() && tokens[at].kind == Kind::punct && tokens[at].punct == ',') ++at;
        }
        if (!after_place || at >= tokens.size() || !head.match_calendar_at(at, r) || r.end) {
            // A place name is a few words ("RIO DE JANEIRO", "sioux falls, S.D."); a number
            // or a longer line is text, and no dateline.
            if (t.kind == Kind::word && ++words_on_line > kMaxPlaceWords) return std::nullopt;
            if (t.kind == Kind::number) return std::nullopt;
            continue;
        }
        r.first = i;
        r.tense = Tense::none;  // the clause after a dateline says nothing of its year
        r.year_shift.reset();
        // What follows the date: a dash, "(Reuters)", "/PRNewswire/", ":" or the end of the line,
        // perhaps after a comma and the agency ("WASHINGTON, March 25, Reuter -").
        std::size_t n = r.last + 1;
        if (n < tokens.size() && tokens[n].kind == Kind::punct && tokens[n].punct == ',') {
            if (n + 1 < tokens.size() && tokens[n + 1].kind == Kind::word && tokens[n + 1].cap) ++n;
            ++n;
        }
        // A date alone on its line must carry its year ("Dec 31" heads financial tables).
        bool ok = n >= tokens.size() ? r.start.year != 0 : false;
        if (n < tokens.size()) {
            const Token& f = tokens[n];
            ok = (newline_between(r.last, n) && r.start.year != 0) ||
                 (f.kind == Kind::punct && (f.punct == '-' || f.punct == 'd' || f.punct == 'm' || f.punct == '(' ||
                                            f.punct == '/' || f.punct == ':' || f.punct == '|'));
        }
        if (!ok) return std::nullopt;
        if (r.start.year == 0 && !reference) {
            // The year from the nearest full date in the whole text. Token indexes of the
            // head scanner equal those of the whole text this early in it.
            Scanner all(text, std::nullopt);
            std::vector<Raw> with;
            std::size_t index = 0;
            bool placed = false;
            for (const auto& e : all.scan()) {
                if (e.last < r.first) {
                    with.push_back(e);
                } else if (e.first > r.last) {
                    if (!placed) {
                        index = with.size();
                        with.push_back(r);
                        placed = true;
                    }
                    with.push_back(e);
                }
            }
            if (!placed) {
                index = with.size();
                with.push_back(r);
            }
            return all.resolve_one(with, index);
        }
        const std::vector<Raw> raws{r};
        return head.resolve_one(raws, 0, reference);
    }
    return std::nullopt;
}

std::optional<DateValue> find_dateline(std::string_view text, std::optional<DateValue> reference) {
    if (auto m = find_dateline_mention(text, reference)) return m->value;
    return std::nullopt;
}

}  // namespace news
