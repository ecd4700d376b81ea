# Script mode helper for EmbedFile.cmake: INPUT file -> OUTPUT .cc defining SYMBOL.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUTPUT}
     "// Generated from ${INPUT}. Do not edit.\n#include <string_view>\n"
     "namespace tinhgon::embedded {\n"
     "static const char ${SYMBOL}_data[] = {${bytes} 0};\n"
     "extern const std::string_view ${SYMBOL}(${SYMBOL}_data, ${size});\n}\n")
