// A search's hits as CSV, one row per report: what a researcher opens in a
// spreadsheet to count and compare. Each coded value (event types, agencies,
// places) comes with its Vietnamese label, codes in their own columns for
// scripts; staff and unit cuts are summed per report, targets apart.
//
// The file opens with a UTF-8 byte-order mark (spreadsheet programs read
// UTF-8 correctly only with it) and uses CRLF line ends (RFC 4180).
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <string>

#include "search/search_response.h"

namespace tinhgon {

// The byte-order mark and the header row.
std::string CsvHeader();

// One report's row.
std::string CsvRow(const Hit& hit);

// A comparison of places, one row per place: its reports, the reports per
// event type, the cuts summed (made, and targets), with the BOM and header.
std::string ComparisonCsv(const Comparison& comparison);

// A cell: quoted, inner quotes doubled, line breaks as spaces, and a value a
// spreadsheet would run as a formula (=, +, -, @, tab, CR first) prefixed
// with an apostrophe, which spreadsheets show as text.
std::string CsvField(const std::string& value);

}  // namespace tinhgon
