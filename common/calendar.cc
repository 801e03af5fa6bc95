/// @file calendar.cc
/// @brief Calendar arithmetic (after H. Hinnant's days_from_civil) and English names.
#include "common/calendar.h"

#include <array>
#include <cstddef>

namespace news {
namespace {

/// Lower-cases ASCII letters of @p word into @p out; false if too long or not letters.
template <std::size_t N>
bool lower_word(std::string_view word, std::array<char, N>& out, std::size_t& len) {
    if (word.empty() || word.size() > N) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            out[i] = c;
        } else {
            return false;
        }
    }
    len = word.size();
    return true;
}

}  // namespace

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

bool is_valid_day(int year, int month, int day) {
    return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

long days_from_civil(int year, int month, int day) {
    const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

DateValue civil_from_days(long days) {
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return DateValue{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int weekday_of(int year, int month, int day) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const long days = days_from_civil(year, month, day);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

DateValue add_days(const DateValue& date, long days) {
    return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

int month_from_name(std::string_view word) {
    std::array<char, 9> buf{};
    std::size_t len = 0;
    if (!lower_word(word, buf, len) || len < 3) return 0;
    const std::string_view w(buf.data(), len);
    static constexpr std::array<std::string_view, 12> kNames{
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        const std::string_view name = kNames[i];
        // The full name, or its first three letters; "sept" for September.
        if (w == name || w == name.substr(0, 3) || (i == 8 && w == "sept")) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

int weekday_from_name(std::string_view word) {
    std::array<char, 9> buf{};
    std::size_t len = 0;
    if (!lower_word(word, buf, len) || len < 3) return -1;
    const std::string_view w(buf.data(), len);
    static constexpr std::array<std::string_view, 7> kNames{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        const std::string_view name = kNames[i];
        if (w == name || w == name.substr(0, 3)) return static_cast<int>(i);
    }
    if (w == "tues") return 1;
    if (w == "thur" || w == "thurs") return 3;
    return -1;
}

}  // namespace news
