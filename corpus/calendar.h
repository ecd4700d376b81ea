// Calendar dates as reports and requests write them. Pure functions, no
// state: safe from any thread.
#pragma once

#include <string_view>

namespace tinhgon {

// True for a day that exists in the proleptic Gregorian calendar: month
// 1-12, and a day within that month, 29 February only in leap years.
bool IsCalendarDay(int year, int month, int day);

// True for "YYYY-MM-DD" naming a day that exists (2021-02-30 does not).
bool IsIsoDate(std::string_view text);

}  // namespace tinhgon
