/// @file html_parser.cc
/// @brief Saved web pages through Gumbo: metadata, JSON-LD and the article text without page furniture.
#include "common/html_parser.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/date_parse.h"
#include "common/json_parser.h"
#include "common/text_parser.h"
#include "common/text_util.h"

namespace news {
namespace {

using Json = nlohmann::json;
using text::lower_ascii;
using text::trim;

// ---------------------------------------------------------------------------
// Nesting guard: an estimate of the open-element depth before Gumbo sees the page

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_'; }

/// Position of @p needle (lower case) in @p s from @p from, ignoring ASCII case.
std::size_t find_ci(std::string_view s, std::string_view needle, std::size_t from) {
    if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < needle.size() && match; ++k) {
            match = std::tolower(static_cast<unsigned char>(s[i + k])) == needle[k];
        }
        if (match) return i;
    }
    return std::string_view::npos;
}

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& table) {
    return std::find(table.begin(), table.end(), s) != table.end();
}

constexpr std::array<std::string_view, 20> kVoidTags = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "image", "command"};
constexpr std::array<std::string_view, 8> kRawTextTags = {"script", "style", "textarea", "title",
                                                           "xmp", "iframe", "noembed", "noframes"};
/// Start tags that close an open element of the same name (an unclosed <p>, <li>, <a> ...).
constexpr std::array<std::string_view, 19> kSiblingClosingTags = {
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "rtc", "caption", "colgroup", "a"};

/// True when the elements of @p html may nest deeper than @p limit. Counts
/// open start tags as a browser would roughly (void elements, raw text,
/// comments and elements closed by a sibling are accounted for); malformed
/// markup errs on the side of a deeper estimate.
bool nesting_exceeds(std::string_view html, std::size_t limit) {
    std::vector<std::string> open;
    std::size_t foreign = 0;  // open <svg>/<math>, where "/>" closes an element
    std::size_t i = 0;
    const std::size_t n = html.size();
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (html.substr(i, 4) == "<!--") {
            std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? n : end + 3;
            continue;
        }
        if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
            std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? n : end + 1;
            continue;
        }
        bool end_tag = i + 1 < n && html[i + 1] == '/';
        std::size_t start = i + (end_tag ? 2 : 1);
        std::size_t stop = start;
        while (stop < n && name_char(html[stop])) ++stop;
        if (stop == start || !std::isalpha(static_cast<unsigned char>(html[start]))) {
            ++i;
            continue;
        }
        std::string name = lower_ascii(html.substr(start, stop - start));
        char quote = 0;
        std::size_t j = stop;
        for (; j < n; ++j) {
            char c = html[j];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        bool self_closing = j < n && j > stop && html[j - 1] == '/';
        i = j < n ? j + 1 : n;

        if (end_tag) {
            // an end tag closes an element opened not too far up (else it is ignored)
            auto search_end = open.rbegin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(open.size(), 256));
            auto it = std::find(open.rbegin(), search_end, name);
            if (it != search_end) {
                auto keep = static_cast<std::size_t>(open.rend() - it) - 1;
                for (std::size_t k = keep; k < open.size(); ++k) {
                    if (open[k] == "svg" || open[k] == "math") --foreign;
                }
                open.resize(keep);
            }
            continue;
        }
        if (one_of(name, kVoidTags) || (self_closing && foreign > 0)) continue;
        if (one_of(name, kRawTextTags)) {
            std::size_t close = find_ci(html, "</" + name, i);
            i = close == std::string_view::npos ? n : close;
            continue;
        }
        if (name == "plaintext") break;
        if (one_of(name, kSiblingClosingTags)) {
            std::size_t look = std::min<std::size_t>(open.size(), 4);
            for (std::size_t k = 0; k < look; ++k) {
                if (open[open.size() - 1 - k] == name) {
                    open.resize(open.size() - 1 - k);
                    break;
                }
            }
        }
        if (name == "svg" || name == "math") ++foreign;
        open.push_back(std::move(name));
        if (open.size() > limit) return true;
    }
    return false;
}

/// Text of @p html with the tags cut out: the fallback for pathological markup.
std::string strip_tags(std::string_view html) {
    std::string out;
    bool in_tag = false;
    for (char c : html) {
        if (c == '<') in_tag = true;
        else if (c == '>' && in_tag) {
            in_tag = false;
            out.push_back(' ');
        } else if (!in_tag) {
            out.push_back(c);
        }
    }
    return text::collapse_spaces(out);
}

// ---------------------------------------------------------------------------
// Gumbo tree

/// Owns a Gumbo parse tree.
class HtmlTree {
public:
    explicit HtmlTree(std::string_view html) : options_(kGumboDefaultOptions) {
        options_.max_errors = 0;  // the page's HTML errors are of no interest
        output_ = gumbo_parse_with_options(&options_, html.empty() ? "" : html.data(), html.size());
    }
    ~HtmlTree() {
        if (output_) gumbo_destroy_output(&options_, output_);
    }
    HtmlTree(const HtmlTree&) = delete;
    HtmlTree& operator=(const HtmlTree&) = delete;

    /// The <html> element, or nullptr.
    [[nodiscard]] const GumboNode* root() const { return output_ ? output_->root : nullptr; }

private:
    GumboOptions options_;
    GumboOutput* output_ = nullptr;
};

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

const GumboVector* children(const GumboNode* n) {
    if (is_element(n)) return &n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
    return nullptr;
}

GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

bool is_html_tag(const GumboNode* n, GumboTag tag) {
    return is_element(n) && n->v.element.tag == tag && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

/// The value of attribute @p name ("" when absent).
std::string_view attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* n, const char* name) {
    return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

/// True when the white-space separated list in attribute @p name has @p token.
bool attr_has_token(const GumboNode* n, const char* name, std::string_view token) {
    for (std::string_view t : text::words(attr(n, name))) {
        if (lower_ascii(t) == token) return true;
    }
    return false;
}

/// Visits @p root and its descendants in document order, without recursion
/// (pages can nest deeply). @p enter(node) returns whether to visit the
/// node's children; @p leave(node) follows the children of an entered element.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
    struct Frame {
        const GumboNode* node;
        unsigned int next;
    };
    if (!enter(root) || !children(root)) return;
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
        const GumboNode* node = stack.back().node;
        const GumboVector* kids = children(node);
        if (stack.back().next >= kids->length) {
            stack.pop_back();
            leave(node);
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(kids->data[stack.back().next++]);
        if (enter(child) && children(child)) stack.push_back({child, 0});
    }
}

template <typename Enter>
void walk(const GumboNode* root, Enter&& enter) {
    walk(root, std::forward<Enter>(enter), [](const GumboNode*) {});
}

/// C0 controls dropped, white space collapsed.
std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F) continue;
        out.push_back(c);
    }
    return text::collapse_spaces(out);
}

/// All text below @p node, white space collapsed.
std::string node_text(const GumboNode* node) {
    std::string out;
    walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            out.append(n->v.text.text);
            return false;
        }
        if (is_element(n)) {
            GumboTag t = tag_of(n);
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE) return false;
            out.push_back(' ');
        }
        return true;
    });
    return clean_text(out);
}

/// Raw text content of a <script> or <title>.
std::string raw_text(const GumboNode* node) {
    std::string out;
    const GumboVector* kids = children(node);
    for (unsigned int i = 0; kids && i < kids->length; ++i) {
        const auto* c = static_cast<const GumboNode*>(kids->data[i]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA)
            out.append(c->v.text.text);
    }
    return out;
}

bool is_descendant(const GumboNode* node, const GumboNode* ancestor) {
    for (const GumboNode* n = node; n; n = n->parent) {
        if (n == ancestor) return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// Page furniture

/// Elements never part of the article text, wherever they are.
bool is_hidden_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT: case GUMBO_TAG_TITLE:
            return true;
        default:
            return false;
    }
}

/// Structural furniture: navigation, page header and footer, asides.
bool is_structural_tag(GumboTag t) {
    return t == GUMBO_TAG_NAV || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE ||
           t == GUMBO_TAG_MENU;
}

/// Whole class tokens that mark furniture ("share-bar" -> "share", "relatedLinks" -> "related").
constexpr std::array<std::string_view, 51> kFurnitureTokens = {
    "nav", "navbar", "navigation", "menu", "footer", "share", "sharing", "sharebar", "social",
    "related", "newsletter", "subscribe", "subscription", "signup", "promo", "promotion", "advert",
    "advertisement", "advertising", "ad", "ads", "adslot", "adunit", "dfp", "sponsored", "breadcrumb",
    "breadcrumbs", "cookie", "cookies", "consent", "gdpr", "sidebar", "widget", "widgets", "popup",
    "modal", "masthead", "toolbar", "pagination", "pager", "outbrain", "taboola", "recirc",
    "recirculation", "recommended", "recommendations", "trending", "popular", "tags", "skip"};
constexpr std::array<std::string_view, 3> kCommentTokens = {"comment", "comments", "disqus"};
constexpr std::array<std::string_view, 3> kBylineTokens = {"byline", "author", "authors"};
/// Class names marking furniture as a whole (not split into tokens).
constexpr std::array<std::string_view, 8> kFurnitureClasses = {
    "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "site-header", "global-header",
    "site-footer", "skip-link"};
/// A first token that makes a class a state, a modifier or a taxonomy label
/// ("has-sidebar", "no-comments", WordPress's "tag-social-media").
constexpr std::array<std::string_view, 18> kModifierTokens = {
    "has", "with", "no", "show", "hide", "is", "enable", "enabled", "without",
    "tag", "category", "cat", "topic", "format", "type", "status", "postid", "single"};
/// Token beginnings that mark furniture in run-together class names
/// ("relatedposts", "commentlist", "newsletterbox").
constexpr std::array<std::string_view, 7> kFurniturePrefixes = {"related", "newsletter", "breadcrumb", "advert",
                                                               "sidebar", "cookie", "sharebar"};
constexpr std::array<std::string_view, 11> kFurnitureRoles = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar", "tablist"};

/// How an element marks itself as furniture.
enum class Mark {
    none,
    hidden,      ///< scripts, styles, hidden elements: never text
    structural,  ///< nav, header, footer, aside
    weak,        ///< a class, id or role (or a <form>): kept when it holds most of the text
    comment,     ///< a comment section
    byline,      ///< a byline or author box: not body text, but a source of authors
};

/// The tokens of one class name: "shareBar__item" -> {"share", "bar", "item"};
/// BEM modifiers ("article--with-share") are dropped.
std::vector<std::string> class_tokens(std::string_view name) {
    if (std::size_t mod = name.find("--"); mod != std::string_view::npos && mod > 0) name = name.substr(0, mod);
    std::vector<std::string> out;
    std::string cur;
    auto push = [&] {
        if (!cur.empty()) out.push_back(lower_ascii(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c == '-' || c == '_' || c == ':' || c == '.' || c == '/') {
            push();
            continue;
        }
        bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
        bool prev_lower = i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
        if (upper && prev_lower) push();
        cur.push_back(c);
    }
    push();
    return out;
}

/// The mark a class or id attribute value gives.
Mark mark_of_names(std::string_view value) {
    Mark result = Mark::none;
    for (std::string_view name : text::words(value)) {
        std::string lower = lower_ascii(name);
        if (one_of(std::string_view(lower), kFurnitureClasses)) {
            result = Mark::weak;
            continue;
        }
        std::vector<std::string> tokens = class_tokens(name);
        if (tokens.empty() || one_of(std::string_view(tokens.front()), kModifierTokens)) continue;
        for (const std::string& t : tokens) {
            std::string_view tv = t;
            if (one_of(tv, kCommentTokens) || tv == "commentlist" || tv == "commentform") return Mark::comment;
            bool prefixed = std::any_of(kFurniturePrefixes.begin(), kFurniturePrefixes.end(),
                                        [&](std::string_view p) { return tv.starts_with(p); });
            if (prefixed || one_of(tv, kFurnitureTokens)) result = Mark::weak;
            else if (one_of(tv, kBylineTokens) && result == Mark::none) result = Mark::byline;
        }
    }
    return result;
}

bool hidden_by_attributes(const GumboNode* n) {
    if (has_attr(n, "hidden")) return true;
    if (lower_ascii(attr(n, "aria-hidden")) == "true") return true;
    std::string style = lower_ascii(attr(n, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

int strength(Mark m) {
    switch (m) {
        case Mark::comment: return 3;
        case Mark::weak: return 2;
        case Mark::byline: return 1;
        default: return 0;
    }
}

Mark mark_of(const GumboNode* n) {
    if (!is_element(n)) return Mark::none;
    GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY) return Mark::none;  // page-wide classes say nothing
    if (is_hidden_tag(t) || hidden_by_attributes(n)) return Mark::hidden;
    if (is_structural_tag(t)) return Mark::structural;
    Mark by_class = mark_of_names(attr(n, "class"));
    Mark by_id = mark_of_names(attr(n, "id"));
    Mark m = strength(by_id) > strength(by_class) ? by_id : by_class;
    if (m == Mark::comment) return m;
    if (std::string role = lower_ascii(attr(n, "role")); one_of(std::string_view(role), kFurnitureRoles)) return Mark::weak;
    if (m == Mark::none && (attr(n, "itemprop") == "author" || attr_has_token(n, "rel", "author"))) return Mark::byline;
    if (m == Mark::none && t == GUMBO_TAG_FORM) return Mark::weak;
    return m;
}

/// True when @p n lies in an <article>, <main> or [role=main]: a header or
/// footer there is the article's own, not the site's.
bool in_content_element(const GumboNode* n) {
    for (const GumboNode* a = n->parent; a; a = a->parent) {
        GumboTag t = tag_of(a);
        if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || lower_ascii(attr(a, "role")) == "main") return true;
    }
    return false;
}

struct TextStats {
    std::size_t text = 0;  ///< bytes of text (white space excluded)
    std::size_t link = 0;  ///< of which inside links
};

/// Decides which elements are page furniture; keeps text statistics of the
/// page so that a weakly marked element that holds most of the text (a
/// wrapper with an unlucky class name, an ASP.NET page-wide <form>) is kept.
class Furniture {
public:
    explicit Furniture(const GumboNode* root) {
        std::vector<TextStats> acc;
        walk(
            root,
            [&](const GumboNode* n) {
                if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
                    if (!acc.empty()) acc.back().text += count_text(n->v.text.text);
                    return false;
                }
                if (!is_element(n) || is_hidden_tag(tag_of(n))) return false;
                acc.push_back({});
                return true;
            },
            [&](const GumboNode* n) {
                if (!is_element(n) || acc.empty()) return;
                TextStats s = acc.back();
                acc.pop_back();
                if (tag_of(n) == GUMBO_TAG_A) s.link = s.text;
                stats_[n] = s;
                if (!acc.empty()) {
                    acc.back().text += s.text;
                    acc.back().link += s.link;
                }
            });
    }

    [[nodiscard]] TextStats stats(const GumboNode* n) const {
        auto it = stats_.find(n);
        return it == stats_.end() ? TextStats{} : it->second;
    }

    /// True when @p n holds at least half the text of @p scope and is not mostly links.
    [[nodiscard]] bool holds_most(const GumboNode* n, const GumboNode* scope) const {
        TextStats s = stats(n);
        TextStats r = stats(scope);
        return r.text > 0 && s.text * 2 >= r.text && s.link * 2 < s.text;
    }

    /// True when @p n is left out of the article text extracted from @p scope.
    [[nodiscard]] bool dropped(const GumboNode* n, const GumboNode* scope) const {
        switch (mark_of(n)) {
            case Mark::none: return false;
            case Mark::weak: case Mark::byline: return !holds_most(n, scope);
            default: return true;
        }
    }

    /// True when @p n lies in furniture of @p page (comments, related links,
    /// navigation, the site's header ...): for metadata such as bylines,
    /// <time> and <h1>. A header or footer inside an <article> or <main> is
    /// the article's own (headline, byline, date) and does not count.
    [[nodiscard]] bool in_furniture(const GumboNode* n, const GumboNode* page) const {
        for (const GumboNode* a = n; a && a != page; a = a->parent) {
            switch (mark_of(a)) {
                case Mark::none: case Mark::byline: break;
                case Mark::weak:
                    if (!holds_most(a, page)) return true;
                    break;
                case Mark::structural: {
                    GumboTag t = tag_of(a);
                    if ((t != GUMBO_TAG_HEADER && t != GUMBO_TAG_FOOTER) || !in_content_element(a)) return true;
                    break;
                }
                default: return true;
            }
        }
        return false;
    }

private:
    static std::size_t count_text(const char* s) {
        std::size_t n = 0;
        for (; *s; ++s) {
            if (!std::isspace(static_cast<unsigned char>(*s))) ++n;
        }
        return n;
    }

    std::unordered_map<const GumboNode*, TextStats> stats_;
};

// ---------------------------------------------------------------------------
// Article text

bool is_inline_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
        case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
        case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q:
        case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
        case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        case GUMBO_TAG_VAR: case GUMBO_TAG_BIG: case GUMBO_TAG_STRIKE: case GUMBO_TAG_NOBR: case GUMBO_TAG_INS:
        case GUMBO_TAG_DEL: case GUMBO_TAG_LABEL: case GUMBO_TAG_ACRONYM: case GUMBO_TAG_WBR: case GUMBO_TAG_IMG:
        case GUMBO_TAG_SOURCE: case GUMBO_TAG_RUBY: case GUMBO_TAG_RB: case GUMBO_TAG_RT:
        case GUMBO_TAG_RP: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_METER: case GUMBO_TAG_PROGRESS:
        case GUMBO_TAG_BLINK: case GUMBO_TAG_MARQUEE:
            return true;
        default:
            return false;
    }
}

bool is_section_heading(GumboTag t) {
    return t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

bool has_alnum(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return std::isalnum(u) || u >= 0x80;
    });
}

struct Extracted {
    std::vector<std::string> paragraphs;
    std::vector<std::string> headings;  ///< h2-h6 texts, also among the paragraphs

    [[nodiscard]] std::size_t size() const {
        std::size_t n = 0;
        for (const auto& p : paragraphs) n += p.size();
        return n;
    }
};

/// The text below @p scope as paragraphs: block elements break paragraphs,
/// inline text runs together, furniture is left out.
Extracted extract_text(const GumboNode* scope, const Furniture& furniture) {
    Extracted out;
    std::string current;
    std::size_t heading_depth = 0;
    std::size_t heading_start = 0;
    auto flush = [&] {
        std::string p = clean_text(current);
        current.clear();
        if (has_alnum(p)) out.paragraphs.push_back(std::move(p));
    };
    walk(
        scope,
        [&](const GumboNode* n) {
            switch (n->type) {
                case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
                    current.append(n->v.text.text);
                    return false;
                case GUMBO_NODE_DOCUMENT: return true;
                case GUMBO_NODE_COMMENT: return false;
                default: break;
            }
            if (n != scope && furniture.dropped(n, scope)) return false;
            GumboTag t = tag_of(n);
            if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
                flush();
                return false;
            }
            if (is_section_heading(t)) {
                flush();
                if (heading_depth++ == 0) heading_start = out.paragraphs.size();
            } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
                current.push_back(' ');
            } else if (!is_inline_tag(t)) {
                flush();
            }
            return true;
        },
        [&](const GumboNode* n) {
            if (!is_element(n)) return;
            GumboTag t = tag_of(n);
            if (is_section_heading(t) && heading_depth > 0) {
                flush();
                if (--heading_depth == 0 && heading_start < out.paragraphs.size()) {
                    // one heading, one paragraph
                    std::string heading;
                    for (std::size_t k = heading_start; k < out.paragraphs.size(); ++k) {
                        if (!heading.empty()) heading.push_back(' ');
                        heading += out.paragraphs[k];
                    }
                    out.paragraphs.resize(heading_start);
                    out.paragraphs.push_back(heading);
                    out.headings.push_back(std::move(heading));
                }
            } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
                current.push_back(' ');
            } else if (!is_inline_tag(t)) {
                flush();
            }
        });
    flush();
    return out;
}

const GumboNode* find_body(const GumboNode* html) {
    const GumboVector* kids = html ? children(html) : nullptr;
    for (unsigned int i = 0; kids && i < kids->length; ++i) {
        const auto* c = static_cast<const GumboNode*>(kids->data[i]);
        if (is_html_tag(c, GUMBO_TAG_BODY)) return c;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------
// Metadata

/// What one pass over the page collects.
struct Page {
    std::vector<std::pair<std::string, std::string>> metas;  ///< (lower-case name, content) in page order
    std::string title;                                        ///< <title>
    std::string canonical;
    std::vector<std::string> json_ld;
    std::vector<const GumboNode*> times, h1s, articles, mains, author_links, bylines;
    const GumboNode* html = nullptr;
    const GumboNode* body = nullptr;

    /// The first non-empty content of meta @p key.
    [[nodiscard]] std::string meta(std::string_view key) const {
        for (const auto& [k, v] : metas) {
            if (k == key && !v.empty()) return v;
        }
        return {};
    }
    [[nodiscard]] std::vector<std::string> metas_named(std::string_view key) const {
        std::vector<std::string> out;
        for (const auto& [k, v] : metas) {
            if (k == key && !v.empty()) out.push_back(v);
        }
        return out;
    }
};

Page collect(const GumboNode* html) {
    Page page;
    page.html = html;
    page.body = find_body(html);
    walk(html, [&](const GumboNode* n) {
        if (!is_element(n)) return false;
        if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;  // <svg><title> is not the page title
        switch (tag_of(n)) {
            case GUMBO_TAG_META: {
                std::string content = clean_text(attr(n, "content"));
                for (const char* key : {"property", "name", "itemprop"}) {
                    if (std::string_view k = attr(n, key); !k.empty()) page.metas.emplace_back(lower_ascii(trim(k)), content);
                }
                return false;
            }
            case GUMBO_TAG_TITLE:
                if (page.title.empty()) page.title = clean_text(raw_text(n));
                return false;
            case GUMBO_TAG_LINK:
                if (page.canonical.empty() && attr_has_token(n, "rel", "canonical")) page.canonical = clean_text(attr(n, "href"));
                return false;
            case GUMBO_TAG_SCRIPT:
                if (lower_ascii(trim(attr(n, "type"))) == "application/ld+json") page.json_ld.push_back(raw_text(n));
                return false;
            case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE: return false;
            case GUMBO_TAG_TIME:
                if (has_attr(n, "datetime")) page.times.push_back(n);
                break;
            case GUMBO_TAG_H1: page.h1s.push_back(n); break;
            case GUMBO_TAG_ARTICLE: page.articles.push_back(n); break;
            case GUMBO_TAG_MAIN: page.mains.push_back(n); break;
            case GUMBO_TAG_A:
                if (attr_has_token(n, "rel", "author")) page.author_links.push_back(n);
                break;
            default: break;
        }
        if (lower_ascii(attr(n, "role")) == "main") page.mains.push_back(n);
        if (mark_of(n) == Mark::byline) page.bylines.push_back(n);
        // itemprop="datePublished" on any element with a content or datetime attribute
        if (attr(n, "itemprop") == "datePublished" && tag_of(n) != GUMBO_TAG_META) {
            std::string_view v = has_attr(n, "datetime") ? attr(n, "datetime") : attr(n, "content");
            if (!v.empty()) page.metas.emplace_back("datepublished", clean_text(v));
        }
        return true;
    });
    return page;
}

/// What the page's JSON-LD says about the article.
struct LinkedData {
    std::string headline;
    std::string date_published;
    std::string publisher;
    std::vector<std::string> authors;
};

/// A text value from JSON-LD (entities and tags removed).
std::string ld_text(const Json& v) {
    if (!v.is_string()) return {};
    const auto& s = v.get_ref<const std::string&>();
    if (s.find('<') != std::string::npos || s.find('&') != std::string::npos) {
        std::string t = html_fragment_text(s);
        std::replace(t.begin(), t.end(), '\n', ' ');
        return text::collapse_spaces(t);
    }
    return clean_text(s);
}

bool ld_type_is(const Json& node, bool (*pred)(std::string_view)) {
    auto it = node.find("@type");
    if (it == node.end()) return false;
    if (it->is_string()) return pred(it->get_ref<const std::string&>());
    if (it->is_array()) {
        return std::any_of(it->begin(), it->end(), [&](const Json& t) { return t.is_string() && pred(t.get_ref<const std::string&>()); });
    }
    return false;
}

bool is_article_type(std::string_view t) {
    return t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report" ||
           t == "SocialMediaPosting";
}

LinkedData read_linked_data(const std::vector<std::string>& scripts) {
    std::vector<Json> docs;
    for (const std::string& script : scripts) {
        std::string s = script;
        // raw line breaks inside strings are common and invalid JSON; outside strings they are white space
        for (char& c : s) {
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        }
        // "<!--", "//<![CDATA[" wrappers
        std::size_t start = s.find_first_of("{[");
        std::size_t end = s.find_last_of("}]");
        if (start == std::string::npos || end == std::string::npos || end < start) continue;
        std::string_view body = std::string_view(s).substr(start, end - start + 1);
        if (json_nesting_overflow(body, kMaxJsonDepth) != std::string_view::npos) continue;
        Json doc = Json::parse(body.begin(), body.end(), nullptr, false);
        if (!doc.is_discarded()) docs.push_back(std::move(doc));
    }

    // the objects at the top, in arrays and in @graph
    std::vector<const Json*> nodes;
    std::vector<const Json*> todo;
    for (auto it = docs.rbegin(); it != docs.rend(); ++it) todo.push_back(&*it);
    constexpr std::size_t kMaxNodes = 10000;
    while (!todo.empty() && nodes.size() < kMaxNodes) {
        const Json* v = todo.back();
        todo.pop_back();
        if (v->is_array()) {
            for (auto it = v->rbegin(); it != v->rend(); ++it) todo.push_back(&*it);
        } else if (v->is_object()) {
            nodes.push_back(v);
            if (auto g = v->find("@graph"); g != v->end()) todo.push_back(&*g);
        }
    }
    std::unordered_map<std::string, const Json*> by_id;
    for (const Json* n : nodes) {
        auto id = n->find("@id");
        if (id != n->end() && id->is_string()) by_id.emplace(id->get<std::string>(), n);
    }
    // {"@id": "#author"} refers to a node elsewhere in the graph
    auto resolve = [&](const Json& v) -> const Json& {
        if (!v.is_object() || v.contains("name")) return v;
        auto id = v.find("@id");
        if (id == v.end() || !id->is_string()) return v;
        auto it = by_id.find(id->get<std::string>());
        return it == by_id.end() ? v : *it->second;
    };

    const Json* article = nullptr;
    for (const Json* n : nodes) {
        if (ld_type_is(*n, is_article_type)) {
            article = n;
            break;
        }
    }
    if (!article) {
        for (const Json* n : nodes) {
            if (n->contains("datePublished")) {
                article = n;
                break;
            }
        }
    }
    LinkedData out;
    if (!article) return out;
    if (auto h = article->find("headline"); h != article->end()) out.headline = ld_text(*h);
    if (auto d = article->find("datePublished"); d != article->end() && d->is_string()) out.date_published = clean_text(d->get<std::string>());
    if (auto p = article->find("publisher"); p != article->end()) {
        const Json& publisher = resolve(p->is_array() && !p->empty() ? p->front() : *p);
        if (publisher.is_string()) out.publisher = ld_text(publisher);
        else if (auto name = publisher.find("name"); publisher.is_object() && name != publisher.end()) out.publisher = ld_text(*name);
    }
    if (auto a = article->find("author"); a != article->end()) {
        auto add = [&](const Json& v) {
            const Json& author = resolve(v);
            if (author.is_string()) {
                out.authors.push_back(ld_text(author));
            } else if (author.is_object()) {
                if (auto name = author.find("name"); name != author.end()) out.authors.push_back(ld_text(*name));
            }
        };
        if (a->is_array()) {
            for (const Json& v : *a) add(v);
        } else {
            add(*a);
        }
    }
    return out;
}

bool looks_like_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || s.starts_with("www.") || s.starts_with("/");
}

/// Lower-case letters and digits only: "BBC News" -> "bbcnews".
std::string squash(std::string_view s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) out.push_back(static_cast<char>(std::tolower(u)));
    }
    return out;
}

/// The distinctive label of a URL's host: "https://www.bbc.co.uk/news" -> "bbc".
std::string host_label(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    std::vector<std::string_view> labels;
    while (!host.empty()) {
        std::size_t dot = host.find('.');
        labels.push_back(host.substr(0, dot));
        if (dot == std::string_view::npos) break;
        host.remove_prefix(dot + 1);
    }
    if (labels.size() < 2) return {};
    labels.pop_back();  // top-level domain
    static constexpr std::array<std::string_view, 7> kSecondLevel = {"co", "com", "org", "net", "gov", "ac", "edu"};
    if (labels.size() >= 2 && one_of(labels.back(), kSecondLevel)) labels.pop_back();
    return lower_ascii(labels.back());
}

/// True when @p part names the site: one of @p site_names, or (when
/// @p use_host) the host, as "BBC News" names bbc.co.uk.
bool names_site(std::string_view part, const std::vector<std::string>& site_names, std::string_view host, bool use_host) {
    std::string key = squash(part);
    if (key.empty()) return false;
    for (const auto& name : site_names) {
        if (!name.empty() && (text::same_words(part, name) || key == squash(name))) return true;
    }
    if (!use_host || host.size() < 3) return false;
    if (key == host || (key.size() >= 5 && host.ends_with(key))) return true;  // "Guardian" for theguardian.com
    static constexpr std::array<std::string_view, 6> kGeneric = {"news", "com", "online", "couk", "uk", "live"};
    return key.starts_with(host) && one_of(std::string_view(key).substr(host.size()), kGeneric);
}

/// "Headline | Site Name" -> "Headline" (also "Site - Headline").
std::string strip_site_name(std::string title, const std::vector<std::string>& site_names, std::string_view host) {
    static constexpr std::array<std::string_view, 7> kSeparators = {
        " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ", " \xe2\x80\xa2 "};
    for (int round = 0; round < 2; ++round) {
        bool changed = false;
        for (std::string_view sep : kSeparators) {
            std::size_t last = title.rfind(sep);
            if (last != std::string::npos && last > 0 &&
                names_site(std::string_view(title).substr(last + sep.size()), site_names, host, true)) {
                title.resize(last);
                changed = true;
                break;
            }
            std::size_t first = title.find(sep);
            if (first != std::string::npos && first + sep.size() < title.size() &&
                names_site(std::string_view(title).substr(0, first), site_names, host, false)) {
                title.erase(0, first + sep.size());
                changed = true;
                break;
            }
        }
        if (!changed) break;
    }
    return std::string(trim(title));
}

/// Names in a byline element: its itemprop=name parts or links, else its text
/// without "By" and without dates or job titles after a separator.
std::vector<std::string> byline_names(const GumboNode* el) {
    std::vector<std::string> parts;
    walk(el, [&](const GumboNode* n) {
        if (!is_element(n) || n == el) return n == el;
        if (attr(n, "itemprop") == "name" || tag_of(n) == GUMBO_TAG_A) {
            parts.push_back(node_text(n));
            return false;
        }
        return true;
    });
    if (parts.empty()) parts.push_back(node_text(el));
    std::vector<std::string> names;
    for (std::string_view part : parts) {
        part = trim(part);
        for (std::string_view prefix : {"written by ", "words by ", "by "}) {
            if (lower_ascii(part.substr(0, prefix.size())) == prefix) {
                part = trim(part.substr(prefix.size()));
                break;
            }
        }
        part = part.substr(0, std::min({part.find('|'), part.find("\xe2\x80\xa2"), part.find(" - "), part.find(" \xe2\x80\x94 ")}));
        for (std::string& name : text::split_names(part)) {
            std::size_t words = text::word_count(name);
            auto first = static_cast<unsigned char>(name.front());
            bool name_shaped = words >= 1 && words <= 5 && name.size() <= 60 && (std::isupper(first) || first >= 0x80) &&
                               std::none_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            if (name_shaped) names.push_back(std::move(name));
        }
    }
    return names;
}

/// Adds @p name unless empty, a URL, the site's name or already present.
void add_author(std::vector<std::string>& authors, std::string_view name, std::string_view site) {
    std::string n = clean_text(name);
    if (lower_ascii(std::string_view(n).substr(0, 3)) == "by ") n.erase(0, 3);
    if (n.empty() || looks_like_url(n) || n.size() > 100) return;
    if (!site.empty() && text::same_words(n, site)) return;
    std::string lower = lower_ascii(n);
    if (std::any_of(authors.begin(), authors.end(), [&](const std::string& a) { return lower_ascii(a) == lower; })) return;
    authors.push_back(std::move(n));
}

/// The element whose text is the article: the fullest <article> outside page
/// furniture, else <main> / [role=main], else <body>; a candidate with little
/// text compared with the whole page is passed over.
struct Content {
    const GumboNode* root = nullptr;
    Extracted text;
};

Content choose_content(const Page& page, const Furniture& furniture) {
    const GumboNode* body = page.body ? page.body : page.html;
    Content whole{body, extract_text(body, furniture)};
    std::vector<const GumboNode*> candidates;
    const GumboNode* best = nullptr;
    for (const GumboNode* a : page.articles) {
        if (furniture.in_furniture(a, page.html)) continue;
        if (!best || furniture.stats(a).text > furniture.stats(best).text) best = a;
    }
    if (best) candidates.push_back(best);
    for (const GumboNode* m : page.mains) {
        if (!furniture.in_furniture(m, page.html)) candidates.push_back(m);
    }
    std::size_t whole_size = whole.text.size();
    for (const GumboNode* c : candidates) {
        Extracted t = extract_text(c, furniture);
        std::size_t size = t.size();
        if (size > 0 && (size >= 500 || size * 5 >= whole_size)) return {c, std::move(t)};
    }
    return whole;
}

/// What the page-level choices below look at.
struct PageView {
    const Page& page;
    const Furniture& furniture;
    const LinkedData& ld;
    const GumboNode* content;  ///< the element the article text comes from
};

/// The first <h1> of the article text, else the first outside page furniture.
std::string first_h1(const PageView& v) {
    for (bool in_content : {true, false}) {
        for (const GumboNode* h : v.page.h1s) {
            if (in_content && !is_descendant(h, v.content)) continue;
            if (v.furniture.in_furniture(h, v.page.html)) continue;
            if (std::string t = node_text(h); !t.empty()) return t;
        }
    }
    return {};
}

/// og:title, twitter:title, the <h1>, the JSON-LD headline, <title>; without the site's name.
std::string page_title(const PageView& v, const std::string& h1, const std::string& source, const std::string& url) {
    std::string title = v.page.meta("og:title");
    if (title.empty()) title = v.page.meta("twitter:title");
    if (title.empty()) title = h1;
    if (title.empty()) title = v.ld.headline;
    if (title.empty()) title = v.page.title;
    std::vector<std::string> site_names = {source, v.ld.publisher, v.page.meta("application-name")};
    return strip_site_name(title, site_names, host_label(url));
}

/// The canonical link, else og:url (also when the canonical link is relative).
std::string page_url(const Page& page) {
    std::string og_url = page.meta("og:url");
    bool canonical_absolute = page.canonical.find("://") != std::string::npos;
    if (page.canonical.empty() || (!canonical_absolute && og_url.find("://") != std::string::npos)) return og_url;
    return page.canonical;
}

/// Publication date texts, best first: meta elements, JSON-LD, then <time
/// datetime> (in the article before elsewhere, marked ones first).
std::vector<std::string> date_candidates(const PageView& v) {
    std::vector<std::string> dates;
    for (std::string_view key : {"article:published_time", "og:article:published_time", "article:published",
                                 "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
                                 "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
                                 "parsely-pub-date", "sailthru.date", "article.published", "publication_date",
                                 "citation_publication_date"}) {
        for (auto& d : v.page.metas_named(key)) dates.push_back(std::move(d));
    }
    if (!v.ld.date_published.empty()) dates.push_back(v.ld.date_published);
    std::vector<const GumboNode*> times;
    for (const GumboNode* t : v.page.times) {
        if (!v.furniture.in_furniture(t, v.page.html)) times.push_back(t);
    }
    auto rank = [&](const GumboNode* t) {
        bool marked = has_attr(t, "pubdate") || attr(t, "itemprop") == "datePublished";
        return (is_descendant(t, v.content) ? 0 : 2) + (marked ? 0 : 1);
    };
    std::stable_sort(times.begin(), times.end(), [&](const GumboNode* a, const GumboNode* b) { return rank(a) < rank(b); });
    for (const GumboNode* t : times) dates.push_back(clean_text(attr(t, "datetime")));
    dates.erase(std::remove(dates.begin(), dates.end(), std::string()), dates.end());
    return dates;
}

/// Authors from the first source that names any: meta author, article:author,
/// JSON-LD, rel=author links, byline elements. The site's own name is no author.
std::vector<std::string> page_authors(const PageView& v, const std::string& site) {
    std::vector<std::string> authors;
    auto from_values = [&](const std::vector<std::string>& values) {
        for (const auto& value : values) {
            if (looks_like_url(value)) continue;
            for (const auto& name : text::split_names(value)) add_author(authors, name, site);
        }
    };
    from_values(v.page.metas_named("author"));
    if (authors.empty()) from_values(v.page.metas_named("article:author"));
    if (authors.empty()) from_values(v.ld.authors);
    if (authors.empty()) {
        for (const GumboNode* a : v.page.author_links) {
            if (!v.furniture.in_furniture(a, v.page.html)) add_author(authors, node_text(a), site);
        }
    }
    if (authors.empty()) {
        for (const GumboNode* b : v.page.bylines) {
            if (v.furniture.in_furniture(b->parent, v.page.html) || mark_of(b) != Mark::byline) continue;
            for (const auto& name : byline_names(b)) add_author(authors, name, site);
            if (!authors.empty()) break;
        }
    }
    return authors;
}

/// Drops the headline where it is repeated among the first paragraphs.
void remove_repeated_title(Extracted& extracted, const std::string& title, const std::string& h1) {
    auto& paragraphs = extracted.paragraphs;
    for (std::size_t k = 0; k < std::min<std::size_t>(paragraphs.size(), 3); ++k) {
        const std::string& p = paragraphs[k];
        bool is_title = (!title.empty() && text::same_words(p, title)) || (!h1.empty() && text::same_words(p, h1));
        if (!is_title) continue;
        if (auto h = std::find(extracted.headings.begin(), extracted.headings.end(), p); h != extracted.headings.end()) extracted.headings.erase(h);
        paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(k));
        return;
    }
}

void read_page(std::string_view content, const InputRef& input, ParseResult& result) {
    auto diagnose = [&](Diagnostic::Severity severity, std::string message) {
        result.diagnostics.push_back({severity, input.path, 0, std::move(message)});
    };
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    if (nesting_exceeds(content, kMaxHtmlDepth)) {
        diagnose(Diagnostic::Severity::error,
                 fmt::format("HTML elements nested deeper than {} levels; page not read", kMaxHtmlDepth));
        return;
    }
    HtmlTree tree(content);
    if (!tree.root()) {
        diagnose(Diagnostic::Severity::error, "cannot parse HTML");
        return;
    }
    Page page = collect(tree.root());
    Furniture furniture(tree.root());
    LinkedData ld = read_linked_data(page.json_ld);
    Content chosen = choose_content(page, furniture);
    PageView view{page, furniture, ld, chosen.root};

    Article article;
    article.origin_path = input.path;
    article.source = page.meta("og:site_name");
    if (article.source.empty()) article.source = ld.publisher;
    if (article.source.empty()) article.source = page.meta("application-name");
    article.url = page_url(page);
    std::string h1 = first_h1(view);
    article.title = page_title(view, h1, article.source, article.url);

    std::vector<std::string> dates = date_candidates(view);
    for (const std::string& raw : dates) {
        std::string warning;
        if (auto d = parse_date(raw, &warning)) {
            article.date = d;
            article.date_raw = raw;
            article.date_origin = DateOrigin::metadata;
            if (!warning.empty()) diagnose(Diagnostic::Severity::warning, fmt::format("date \"{}\": {}", raw, warning));
            break;
        }
    }
    if (!article.date && !dates.empty())
        diagnose(Diagnostic::Severity::warning, fmt::format("unreadable date \"{}\"", dates.front()));

    article.authors = page_authors(view, article.source);

    remove_repeated_title(chosen.text, article.title, h1);
    for (const auto& p : chosen.text.paragraphs) {
        if (!article.body.empty()) article.body += "\n\n";
        article.body += p;
    }
    article.headings = std::move(chosen.text.headings);
    if (article.body.empty()) {
        diagnose(Diagnostic::Severity::error, "no article text found");
        return;
    }
    if (article.title.empty()) {
        article.title = derive_title(article.body);
        article.title_derived = !article.title.empty();
    }
    result.articles.push_back(std::move(article));
}

}  // namespace

ParseResult parse_html(std::string_view content, const InputRef& input) {
    ParseResult result;
    try {
        read_page(content, input, result);
    } catch (const std::exception& e) {
        result.diagnostics.push_back({Diagnostic::Severity::error, input.path, 0, fmt::format("cannot read HTML: {}", e.what())});
    }
    return result;
}

std::string html_fragment_text(std::string_view html) {
    try {
        if (nesting_exceeds(html, kMaxHtmlDepth)) return strip_tags(html);
        HtmlTree tree(html);
        const GumboNode* body = find_body(tree.root());
        if (!body) return {};
        Furniture furniture(body);
        Extracted extracted = extract_text(body, furniture);
        std::string out;
        for (const auto& p : extracted.paragraphs) {
            if (!out.empty()) out += "\n\n";
            out += p;
        }
        return out;
    } catch (const std::exception&) {
        return strip_tags(html);
    }
}

}  // namespace news
