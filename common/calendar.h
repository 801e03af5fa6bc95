/// @file calendar.h
/// @brief Proleptic Gregorian calendar arithmetic and English month and weekday names.
#pragma once

#include <string_view>

#include "common/article.h"

namespace news {

/// True for leap years of the Gregorian calendar.
[[nodiscard]] constexpr bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Days in @p month (1-12) of @p year; 0 for an invalid month.
[[nodiscard]] int days_in_month(int year, int month);

/// True when year/month/day is a real calendar day (year 1-9999).
[[nodiscard]] bool is_valid_day(int year, int month, int day);

/// Days since 1970-01-01 of a valid calendar day (negative before).
[[nodiscard]] long days_from_civil(int year, int month, int day);

/// The calendar day @p days after 1970-01-01.
[[nodiscard]] DateValue civil_from_days(long days);

/// Day of the week of a valid calendar day: 0 = Monday ... 6 = Sunday.
[[nodiscard]] int weekday_of(int year, int month, int day);

/// @p date (a day) moved by @p days.
[[nodiscard]] DateValue add_days(const DateValue& date, long days);

/// Month number 1-12 of an English month name or abbreviation ("February",
/// "feb", "Sept"), case-insensitive; 0 when @p word is not one.
[[nodiscard]] int month_from_name(std::string_view word);

/// Weekday 0 = Monday ... 6 = Sunday of an English weekday name or
/// abbreviation ("Sunday", "sun", "Tues", "Thurs"), case-insensitive; -1 when not one.
[[nodiscard]] int weekday_from_name(std::string_view word);

}  // namespace news
