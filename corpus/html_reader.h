// The article of an HTML page as plain text, one line per block.
#pragma once

#include <string>
#include <string_view>

namespace tinhgon {

// Parses with gumbo. Scripts, styles, forms and page furniture (nav, header,
// footer, aside) are dropped; if the page marks its article (an <article>
// element, or an element whose id or class names the content: "article",
// "content", "detail", "news-body", …), only the largest such part is kept.
// Block elements end lines, so the layout rules see the page's structure.
// The page's <h1>, or else its <title>, becomes the first line.
std::string HtmlToText(std::string_view utf8_html);

}  // namespace tinhgon
