// Which one of the places a report names it is about.
#pragma once

#include <vector>

#include "analyzers/metadata/gazetteer.h"

namespace tinhgon {

struct Locality;

// Marks at most one locality primary, in two steps.
//  1. The province: places count for the province holding them (a district's
//     mentions count for its province), weighted by where they stand: the
//     title most, the lead next. When the title names places, the province is
//     chosen among theirs. Otherwise it must clearly lead every other province
//     (twice the weight) and hold a fair share of all place mentions, so
//     national reports, round-ups and comparisons get none.
//  2. The unit inside it: a district when one district (with its communes)
//     clearly leads the others and is named at least twice, or once in the
//     title; then a commune of it when it is the only commune of the province
//     the report names, or clearly the most named.
// A title that speaks of a whole level ("cấp huyện", "các xã") makes the
// report about all units of that level, whatever example it details: the
// primary is then no finer than the level above (`finest`). A
// commune is not chosen over its district when the title names the district
// and not the commune ("Đô Lương: sáp nhập xã").
// When 2025 communes are named, provinces are counted as the 2025 provinces.
// The province chosen is added (with no mentions) when only its districts or
// communes are named.
void ChoosePrimary(const Gazetteer& gazetteer, AdminLevel finest, std::vector<Locality>* localities);

}  // namespace tinhgon
