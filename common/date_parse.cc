/// @file date_parse.cc
/// @brief Publication dates in metadata formats: ISO 8601, RFC 2822, Reuters, written dates.
#include "common/date_parse.h"

#include <utility>

#include <fmt/format.h>

#include "common/calendar.h"
#include "common/date_extract.h"

namespace news {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A read position over the text; every read is bounds-checked.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    [[nodiscard]] bool done() const { return pos_ >= text_.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    [[nodiscard]] std::size_t pos() const { return pos_; }
    void seek(std::size_t pos) { pos_ = pos; }
    [[nodiscard]] std::string_view rest() const { return text_.substr(std::min(pos_, text_.size())); }

    bool eat(char c) {
        if (peek() != c || done()) return false;
        ++pos_;
        return true;
    }
    void skip_spaces() {
        while (!done() && is_space(peek())) ++pos_;
    }
    /// Reads 1..max_digits digits; returns the count read (0 when none) and the value.
    std::size_t digits(int& value, std::size_t max_digits = 9) {
        const std::size_t start = pos_;
        value = 0;
        while (!done() && is_digit(peek()) && pos_ - start < max_digits) {
            value = value * 10 + (peek() - '0');
            ++pos_;
        }
        return pos_ - start;
    }
    /// Reads a run of ASCII letters.
    std::string_view word() {
        const std::size_t start = pos_;
        while (!done() && is_alpha(peek())) ++pos_;
        return text_.substr(start, pos_ - start);
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

/// A printable rendering of @p text for a warning (control bytes escaped, long text cut).
std::string quoted(std::string_view text) {
    std::string out = "\"";
    constexpr std::size_t kMax = 40;
    for (std::size_t i = 0; i < text.size() && i < kMax; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
            out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > kMax) out += "...";
    out += '"';
    return out;
}

/// Two-digit years as RFC 2822 reads them: 00-49 is 2000-2049, 50-99 is 1950-1999.
int full_year(int year, std::size_t digit_count) {
    if (digit_count == 2) return year < 50 ? 2000 + year : 1900 + year;
    return year;
}

/// Reads a year of 4 (or 2) digits not followed by another digit.
bool read_year(Cursor& c, int& year, bool allow_two_digits) {
    const std::size_t start = c.pos();
    const std::size_t n = c.digits(year, 5);
    if ((n == 4 || (allow_two_digits && n == 2)) && !is_digit(c.peek())) {
        year = full_year(year, n);
        return true;
    }
    c.seek(start);
    return false;
}

/// Skips an ordinal suffix after a day number ("1st").
void skip_ordinal(Cursor& c) {
    const std::size_t start = c.pos();
    const std::string_view w = c.word();
    if (w.size() == 2) {
        const char a = static_cast<char>(w[0] | 0x20);
        const char b = static_cast<char>(w[1] | 0x20);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
            return;
        }
    }
    c.seek(start);
}

/// The outcome of reading the text after the date.
struct Tail {
    bool clean = true;
    std::string problem;
};

/// Reads what may follow a date: a time "09:30[:00[.123]]" with optional AM/PM,
/// and a zone "Z", "+04:00", "+0000", "GMT", "EST", "(UTC)". Anything else is junk.
Tail read_tail(Cursor& c, std::string_view whole) {
    Tail tail;
    c.skip_spaces();
    if (c.done()) return tail;
    if (c.peek() == 'T' || c.peek() == 't') {
        if (is_digit(c.peek(1))) c.eat(c.peek());
    } else if (c.peek() == ',') {
        c.eat(',');
        c.skip_spaces();
    }
    // "February 1, 2026 at 9:30".
    if ((c.peek() == 'a' || c.peek() == 'A') && (c.peek(1) == 't' || c.peek(1) == 'T') && is_space(c.peek(2))) {
        c.seek(c.pos() + 2);
        c.skip_spaces();
    }
    const std::size_t time_start = c.pos();
    int hour = 0;
    const std::size_t hd = c.digits(hour, 4);
    if (hd > 0) {
        int minute = 0;
        int second = 0;
        bool ok = hd <= 2 && c.eat(':') && c.digits(minute, 3) == 2;
        if (ok && c.eat(':')) ok = c.digits(second, 3) == 2;
        if (ok && (c.peek() == '.' || c.peek() == ',') && is_digit(c.peek(1))) {
            c.eat(c.peek());
            int frac = 0;
            while (is_digit(c.peek())) c.digits(frac, 9);
        }
        if (hd == 4 && !ok) {
            // Compact ISO time "T0930[00]".
            c.seek(time_start);
            int hhmm = 0;
            c.digits(hhmm, 4);
            hour = hhmm / 100;
            minute = hhmm % 100;
            int ss = 0;
            if (is_digit(c.peek())) ok = c.digits(ss, 2) == 2;
            else ok = true;
            second = ss;
        }
        if (!ok || hour > 24 || minute > 59 || second > 60 || is_digit(c.peek())) {
            c.seek(time_start);
            while (!c.done() && !is_space(c.peek())) c.seek(c.pos() + 1);
            tail.clean = false;
            tail.problem = fmt::format("malformed time {} ignored",
                                       quoted(whole.substr(time_start, c.pos() - time_start)));
        }
        c.skip_spaces();
        // AM/PM.
        const std::size_t ampm = c.pos();
        const std::string_view w = c.word();
        if (!(w.size() == 2 && (w[1] == 'M' || w[1] == 'm') &&
              (w[0] == 'A' || w[0] == 'a' || w[0] == 'P' || w[0] == 'p'))) {
            c.seek(ampm);
        }
        c.skip_spaces();
    }
    // Zone.
    if (c.peek() == 'Z' && !is_alpha(c.peek(1))) {
        c.eat('Z');
    } else if ((c.peek() == '+' || c.peek() == '-') && is_digit(c.peek(1))) {
        c.seek(c.pos() + 1);
        int hh = 0;
        const std::size_t n = c.digits(hh, 4);
        if (n == 2 && c.eat(':')) {
            int mm = 0;
            if (c.digits(mm, 2) != 2) tail.clean = false;
        } else if (n != 2 && n != 4) {
            tail.clean = false;
        }
        c.skip_spaces();
    }
    if (is_alpha(c.peek())) {  // "GMT", or after a numeric zone "+0000 GMT"
        const std::size_t start = c.pos();
        const std::string_view w = c.word();
        bool upper = w.size() >= 1 && w.size() <= 5;
        for (const char ch : w) upper = upper && ch >= 'A' && ch <= 'Z';
        if (!upper) c.seek(start);
    }
    c.skip_spaces();
    if (c.eat('(')) {  // "+0000 (UTC)"
        const std::string_view w = c.word();
        if (w.empty() || !c.eat(')')) tail.clean = false;
        c.skip_spaces();
    }
    if (!c.done()) {
        if (tail.problem.empty()) tail.problem = fmt::format("trailing text {} ignored", quoted(c.rest()));
        else tail.problem += fmt::format("; trailing text {} ignored", quoted(c.rest()));
        tail.clean = false;
    } else if (!tail.clean && tail.problem.empty()) {
        tail.problem = "malformed time zone ignored";
    }
    return tail;
}

struct Reading {
    int year = 0;
    int month = 0;
    int day = 0;
    std::string note;  ///< a warning about the date part itself
};

/// "2026-02-01", "2026/02/01", "2026.02.01", "20260201".
bool read_year_first(Cursor& c, Reading& r) {
    const std::size_t start = c.pos();
    int n = 0;
    const std::size_t count = c.digits(n, 9);
    if (count == 8) {
        r = Reading{n / 10000, n / 100 % 100, n % 100, {}};
        return true;
    }
    if (count != 4) {
        c.seek(start);
        return false;
    }
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') {
        c.seek(start);
        return false;
    }
    c.eat(sep);
    int month = 0;
    int day = 0;
    if (c.digits(month, 3) == 0 || !c.eat(sep) || c.digits(day, 3) == 0) {
        c.seek(start);
        return false;
    }
    r = Reading{n, month, day, {}};
    return true;
}

/// "26-FEB-1987", "18-Jul-20", "1 Feb 2026", "01 February 2026", "1st February 2026".
bool read_day_first(Cursor& c, Reading& r) {
    const std::size_t start = c.pos();
    int day = 0;
    const std::size_t dn = c.digits(day, 3);
    if (dn == 0 || dn > 2) {
        c.seek(start);
        return false;
    }
    skip_ordinal(c);
    const bool dashed = c.eat('-');
    if (!dashed) {
        c.eat('.');
        c.skip_spaces();
    }
    const int month = month_from_name(c.word());
    if (month == 0) {
        c.seek(start);
        return false;
    }
    c.eat('.');
    if (dashed) {
        if (!c.eat('-')) {
            c.seek(start);
            return false;
        }
    } else {
        c.eat(',');
        c.skip_spaces();
    }
    int year = 0;
    if (!read_year(c, year, true)) {
        c.seek(start);
        return false;
    }
    r = Reading{year, month, day, {}};
    return true;
}

/// "February 1, 2026", "Feb. 1, 2026", "Feb 1 2026", "February 1st, 2026",
/// "Sun Feb  1 09:30:00 2026" (asctime).
bool read_month_first(Cursor& c, Reading& r) {
    const std::size_t start = c.pos();
    const int month = month_from_name(c.word());
    if (month == 0) {
        c.seek(start);
        return false;
    }
    c.eat('.');
    c.skip_spaces();
    int day = 0;
    const std::size_t dn = c.digits(day, 3);
    if (dn == 0 || dn > 2) {
        c.seek(start);
        return false;
    }
    skip_ordinal(c);
    const std::size_t after_day = c.pos();
    c.eat(',');
    c.skip_spaces();
    int year = 0;
    if (read_year(c, year, false)) {
        r = Reading{year, month, day, {}};
        return true;
    }
    // asctime: the year after the time.
    c.seek(after_day);
    c.skip_spaces();
    int h = 0;
    int m = 0;
    int s = 0;
    if (c.digits(h, 3) > 0 && c.eat(':') && c.digits(m, 3) == 2) {
        if (c.eat(':')) c.digits(s, 3);
        c.skip_spaces();
        if (is_alpha(c.peek())) {  // zone before the year
            const std::size_t z = c.pos();
            if (c.word().size() > 5) c.seek(z);
            c.skip_spaces();
        }
        if (read_year(c, year, false) && h <= 24 && m <= 59 && s <= 60) {
            r = Reading{year, month, day, {}};
            // The time was consumed; nothing may follow.
            return true;
        }
    }
    c.seek(start);
    return false;
}

/// "02/01/2026" or "1.2.2026": day-month or month-day order, decided when one
/// field exceeds 12, else by the separator (slash: US month/day; dot: day.month).
bool read_numeric(Cursor& c, Reading& r) {
    const std::size_t start = c.pos();
    int a = 0;
    int b = 0;
    int year = 0;
    const std::size_t an = c.digits(a, 3);
    const char sep = c.peek();
    if (an == 0 || an > 2 || (sep != '/' && sep != '.' && sep != '-') || !c.eat(sep)) {
        c.seek(start);
        return false;
    }
    const std::size_t bn = c.digits(b, 3);
    if (bn == 0 || bn > 2 || !c.eat(sep) || !read_year(c, year, false)) {
        c.seek(start);
        return false;
    }
    if (a > 12 && b <= 12) {
        r = Reading{year, b, a, {}};
    } else if (b > 12 && a <= 12) {
        r = Reading{year, a, b, {}};
    } else if (sep == '/') {
        r = Reading{year, a, b, {}};
        if (a != b) r.note = "ambiguous numeric date read as month/day/year";
    } else {
        r = Reading{year, b, a, {}};
        if (a != b) r.note = "ambiguous numeric date read as day.month.year";
    }
    return true;
}

void set(std::string* warning, std::string text) {
    if (warning) *warning = std::move(text);
}

}  // namespace

std::optional<DateValue> parse_date(std::string_view text, std::string* warning) {
    if (warning) warning->clear();
    // Trim spaces and a surrounding pair of quotes.
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    if (text.empty()) {
        set(warning, "empty date");
        return std::nullopt;
    }
    Cursor c(text);
    // A leading weekday: "Sun, ", "Sunday, ", "Tues. ".
    int weekday = -1;
    {
        const std::size_t start = c.pos();
        weekday = weekday_from_name(c.word());
        if (weekday >= 0) {
            c.eat('.');
            c.eat(',');
            c.skip_spaces();
        } else {
            c.seek(start);
        }
    }
    Reading r;
    const bool read = is_digit(c.peek())
                          ? (read_year_first(c, r) || read_day_first(c, r) || read_numeric(c, r))
                          : read_month_first(c, r);
    if (read) {
        if (!is_valid_day(r.year, r.month, r.day)) {
            set(warning, fmt::format("invalid calendar date {:04d}-{:02d}-{:02d}", r.year, r.month, r.day));
            return std::nullopt;
        }
        const Tail tail = read_tail(c, text);
        std::string note = r.note;
        if (weekday >= 0 && weekday != weekday_of(r.year, r.month, r.day)) {
            note += (note.empty() ? "" : "; ") + std::string("the weekday does not match the date");
        }
        if (!tail.clean) note += (note.empty() ? "" : "; ") + tail.problem;
        if (!note.empty()) set(warning, note);
        return DateValue{r.year, r.month, r.day};
    }
    // Not a known format: the first full date written anywhere in the text.
    for (const auto& m : extract_dates(text, std::nullopt)) {
        if (!m.value.is_day()) continue;
        set(warning, fmt::format("date read from within {}", quoted(text)));
        return m.value;
    }
    set(warning, fmt::format("no date in {}", quoted(text)));
    return std::nullopt;
}

}  // namespace news
