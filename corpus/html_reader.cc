#include "corpus/html_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include <gumbo.h>

namespace tinhgon {
namespace {

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

std::string Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string() : std::string(a->value);
}

// The page says this element is its article.
bool MarksArticle(const GumboNode* node) {
  if (node->v.element.tag == GUMBO_TAG_ARTICLE) return true;
  std::string names = Attribute(node, "id") + " " + Attribute(node, "class");
  std::transform(names.begin(), names.end(), names.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* word : {"article", "content", "detail", "news-body", "post-body", "entry", "noidung", "chitiet"}) {
    if (names.find(word) != std::string::npos) return true;
  }
  return false;
}

void AppendNodeText(const GumboNode* node, std::string* out) {
  for (const char* p = node->v.text.text; *p; ++p) {
    char c = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
    if (c == ' ' && (out->empty() || out->back() == ' ' || out->back() == '\n')) continue;
    out->push_back(c);
  }
}

void EndLine(std::string* out) {
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

// Text of the subtree, blocks on lines of their own. Walks with a stack of
// its own: a page may nest elements deeper than the call stack could follow.
void AppendText(const GumboNode* root, std::string* out) {
  struct Frame {
    const GumboNode* element;
    unsigned next_child;
  };
  std::vector<Frame> open;
  auto enter = [&](const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      AppendNodeText(node, out);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    if (IsDropped(node->v.element.tag)) return;
    if (IsBlock(node->v.element.tag)) EndLine(out);
    open.push_back({node, 0});
  };
  enter(root);
  while (!open.empty()) {
    Frame& top = open.back();
    const GumboVector& children = top.element->v.element.children;
    if (top.next_child < children.length) {
      enter(static_cast<const GumboNode*>(children.data[top.next_child++]));  // may move `top`
      continue;
    }
    if (IsBlock(top.element->v.element.tag)) EndLine(out);
    open.pop_back();
  }
}

void Collect(const GumboNode* node, GumboTag tag, std::vector<const GumboNode*>* found, bool articles, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 400) return;
  if (articles ? MarksArticle(node) : node->v.element.tag == tag) found->push_back(node);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Collect(static_cast<const GumboNode*>(children.data[i]), tag, found, articles, depth + 1);
  }
}

std::string TextOf(const GumboNode* node) {
  std::string text;
  AppendText(node, &text);
  return text;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  std::size_t start = s.find_first_not_of(" \n");
  return start == std::string::npos ? std::string() : s.substr(start);
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::string title;
  std::vector<const GumboNode*> headings, titles, articles;
  Collect(output->root, GUMBO_TAG_H1, &headings, false, 0);
  Collect(output->root, GUMBO_TAG_TITLE, &titles, false, 0);
  Collect(output->root, GUMBO_TAG_UNKNOWN, &articles, true, 0);
  if (!headings.empty()) title = Trimmed(TextOf(headings.front()));
  if (title.empty() && !titles.empty() && titles.front()->v.element.children.length > 0) {
    const auto* child = static_cast<const GumboNode*>(titles.front()->v.element.children.data[0]);
    if (child->type == GUMBO_NODE_TEXT) title = Trimmed(child->v.text.text);
  }
  std::string body;
  for (const GumboNode* article : articles) {
    std::string text = TextOf(article);
    if (text.size() > body.size()) body = std::move(text);
  }
  if (body.empty()) body = TextOf(output->root);
  gumbo_destroy_output(&options, output);
  body = Trimmed(body);
  // The heading is usually inside the article too; do not say it twice.
  if (!title.empty() && body.compare(0, title.size(), title) == 0) return body;
  return title.empty() ? body : title + "\n" + body;
}

}  // namespace tinhgon
