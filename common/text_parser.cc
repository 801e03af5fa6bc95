/// @file text_parser.cc
/// @brief Plain-text articles: slug, headline, headings, boilerplate, derived titles.
#include "common/text_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "common/date_parse.h"
#include "common/text_util.h"
#include "common/utf8.h"

namespace news {
namespace {

using text::lower_ascii;
using text::normalize_line;
using text::trim;
using text::word_count;

/// Lines that are web furniture wherever they stand (compared normalised).
constexpr std::array kBoilerplateLines = {
    "back to top", "top", "share", "share this", "share this article", "share this story",
    "share on facebook", "share on twitter", "share on linkedin", "share on whatsapp", "share via email",
    "tweet", "email", "print", "print this article", "subscribe", "subscribe now",
    "subscribe to our newsletter", "sign up for our newsletter", "like this", "loading", "advertisement",
    "read more", "continue reading", "cancel reply", "required fields are marked", "post comment",
    "comment", "name", "website", "skip to content", "skip to main content", "menu", "search",
    "follow us", "related", "recommended", "facebook", "twitter", "linkedin", "whatsapp", "telegram",
    "reddit", "pinterest", "copy link", "leave a reply", "leave a comment", "previous article",
    "next article", "previous post", "next post"};

/// Lines that begin web furniture wherever they stand.
constexpr std::array kBoilerplatePrefixes = {
    "click to share on", "click to email", "click to print", "share on ", "follow us on",
    "copyright ", "all rights reserved", "save my name, email", "your email address will not be published",
    "sign up for", "subscribe to ", "this article was originally published", "image source", "photo:",
    "tags:", "filed under", "our standards: the thomson reuters trust principles"};

/// Lines that open a comment form: everything after them is furniture, wherever they stand.
constexpr std::array kCommentFormLines = {"leave a reply", "leave a comment"};
constexpr std::string_view kCommentFormNotice = "your email address will not be published";

/// Lines after which everything is page furniture (link lists), when they stand
/// in the last two thirds of the article.
constexpr std::array kTailMarkers = {
    "post navigation", "related posts", "related articles", "related stories", "you may also like",
    "more from", "read next", "comments", "about the author", "share this", "like this"};

/// Section headings that are generic and must never become the title.
constexpr std::array kGenericHeadings = {
    "key outcomes", "key takeaways", "background", "overview", "summary", "introduction",
    "conclusion", "analysis", "context", "what's next", "what next", "next steps", "reactions",
    "highlights", "key points", "details", "outlook", "timeline", "the talks", "in brief"};

template <std::size_t N>
bool equals_any(std::string_view s, const std::array<const char*, N>& table) {
    return std::any_of(table.begin(), table.end(), [&](const char* t) { return s == t; });
}
template <std::size_t N>
bool starts_with_any(std::string_view s, const std::array<const char*, N>& table) {
    return std::any_of(table.begin(), table.end(), [&](const char* t) { return s.starts_with(t); });
}

bool is_boilerplate(std::string_view norm) {
    return equals_any(norm, kBoilerplateLines) || starts_with_any(norm, kBoilerplatePrefixes) ||
           norm.starts_with("\xc2\xa9");  // ©
}

/// "Some_Title_Words", "some-title-words" or "some_title.txt": a file-name slug.
bool is_slug(std::string_view line) {
    if (line.size() < 3 || line.find(' ') != std::string_view::npos) return false;
    std::size_t underscores = 0, hyphens = 0, letters = 0;
    for (char c : line) {
        auto u = static_cast<unsigned char>(c);
        if (c == '_') ++underscores;
        else if (c == '-') ++hyphens;
        else if (std::isalpha(u) || u >= 0x80) ++letters;
        else if (!std::isdigit(u) && c != '.' && c != '\'') return false;
    }
    if (letters == 0) return false;
    if (underscores >= 1) return true;
    // hyphenated slugs are lower case, with several parts
    bool lower = std::none_of(line.begin(), line.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    return hyphens >= 2 && lower;
}

bool ends_sentence(std::string_view line) {
    if (line.empty()) return false;
    char last = line.back();
    if (last == '"' || last == '\'' || last == ')') {
        if (line.size() >= 2) last = line[line.size() - 2];
    }
    if (line.ends_with("\xe2\x80\x9d") && line.size() > 3) last = line[line.size() - 4];  // ” after punctuation
    return last == '.' || last == ':' || last == ';' || last == ',';
}

/// A short line without sentence punctuation: a headline or a section heading.
bool heading_shaped(std::string_view line) {
    std::size_t words = word_count(line);
    return !line.empty() && words >= 1 && words <= 16 && line.size() <= 160 && !ends_sentence(line);
}

/// "By Jane Doe" / "By Jane Doe and John Roe" / "Written by ...": author names.
std::vector<std::string> byline_authors(std::string_view line) {
    std::string norm = lower_ascii(line);
    std::string_view rest;
    if (norm.starts_with("by ")) rest = line.substr(3);
    else if (norm.starts_with("written by ")) rest = line.substr(11);
    else return {};
    if (word_count(rest) > 12) return {};
    std::vector<std::string> names = text::split_names(rest);
    for (const auto& n : names) {
        // a byline names people: every word starts upper case
        for (std::string_view w : text::words(n)) {
            if (!std::isupper(static_cast<unsigned char>(w.front()))) return {};
        }
    }
    return names;
}

/// "Published: February 1, 2026", "Updated 2026-02-01", or a line that is only a date.
std::optional<DateValue> date_line(std::string_view line, std::string& raw) {
    std::string norm = lower_ascii(line);
    std::string_view rest = line;
    for (std::string_view label : {"published on", "published:", "published", "posted on", "posted:",
                                   "posted", "date:", "updated:", "updated"}) {
        if (norm.starts_with(label)) {
            rest = trim(line.substr(label.size()));
            break;
        }
    }
    if (word_count(rest) > 8) return std::nullopt;
    auto d = parse_date(rest);
    if (d) raw = std::string(rest);
    return d;
}

/// A dateline opening the first paragraph: "ABU DHABI, Feb 1 (Reuters) - ".
/// Returns the length of the prefix to strip, and the agency in parentheses.
std::size_t dateline_prefix(std::string_view para, std::string* agency) {
    std::string_view head = para.substr(0, std::min<std::size_t>(para.size(), 100));
    std::size_t dash = std::string_view::npos, dash_len = 0;
    for (std::string_view sep : {" - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " -- "}) {
        auto p = head.find(sep);
        if (p != std::string_view::npos && p < dash) {
            dash = p;
            dash_len = sep.size();
        }
    }
    if (dash == std::string_view::npos || dash == 0) return 0;
    std::string_view prefix = head.substr(0, dash);
    // the place is written in capitals: "ABU DHABI", "KYIV, Ukraine"
    std::size_t caps = 0;
    for (char c : prefix) {
        if (c == ',' || c == '(') break;
        if (std::islower(static_cast<unsigned char>(c))) return 0;
        if (std::isupper(static_cast<unsigned char>(c))) ++caps;
    }
    if (caps < 2) return 0;
    auto open = prefix.rfind('(');
    auto close = prefix.rfind(')');
    if (agency && open != std::string_view::npos && close != std::string_view::npos && close > open) {
        *agency = std::string(trim(prefix.substr(open + 1, close - open - 1)));
    }
    return dash + dash_len;
}

struct Line {
    std::string text;  // trimmed
    bool blank() const { return text.empty(); }
};

}  // namespace

std::string derive_title(std::string_view body) {
    std::string_view para = trim(body.substr(0, body.find("\n\n")));
    std::size_t skip = dateline_prefix(para, nullptr);
    para = trim(para.substr(skip));
    std::size_t end = text::first_sentence_end(para);
    std::string sentence = text::collapse_spaces(para.substr(0, end));
    // drop the sentence's final full stop; a title does not end with one
    if (sentence.size() > 1 && sentence.back() == '.') sentence.pop_back();
    constexpr std::size_t kMax = 120;
    if (sentence.size() <= kMax) return sentence;
    std::size_t cut = sentence.rfind(' ', kMax - 3);
    if (cut == std::string::npos || cut < kMax / 2) cut = kMax - 3;
    std::string out = std::string(utf8::truncate(sentence, cut));
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':' || out.back() == ' '))
        out.pop_back();
    return out + "\xe2\x80\xa6";  // …
}

ParseResult parse_text(std::string_view content, const InputRef& input) {
    ParseResult result;
    std::vector<Line> lines;
    for (std::string_view raw : text::split_lines(content)) {
        std::string line = text::collapse_spaces(trim(raw));
        // Markdown-style headings keep their text.
        while (line.starts_with('#')) line.erase(0, 1);
        lines.push_back({std::string(trim(line))});
    }

    Article article;
    article.origin_path = input.path;

    std::size_t i = 0;
    auto skip_blank = [&] {
        while (i < lines.size() && lines[i].blank()) ++i;
    };
    skip_blank();
    std::string slug;
    if (i < lines.size() && is_slug(lines[i].text)) {
        slug = lines[i].text;
        ++i;
        skip_blank();
    }

    // The header block: headline, byline and date lines, in any order, before the body.
    std::string title;
    for (; i < lines.size(); ++i) {
        const std::string& line = lines[i].text;
        if (line.empty()) continue;
        std::string norm = normalize_line(line);
        if (is_boilerplate(norm)) continue;
        if (auto names = byline_authors(line); !names.empty()) {
            for (auto& n : names) article.authors.push_back(std::move(n));
            continue;
        }
        std::string raw;
        if (auto d = date_line(line, raw); d && !article.date) {
            article.date = d;
            article.date_raw = raw;
            article.date_origin = DateOrigin::dateline;
            continue;
        }
        if (title.empty() && heading_shaped(line) && !equals_any(norm, kGenericHeadings)) {
            bool slug_match = !slug.empty() && text::same_words(slug, line);
            if (slug_match || word_count(line) >= 4) {
                title = line;
                continue;
            }
        }
        break;  // first body line
    }

    // Body: drop repeated headlines and boilerplate, stop at trailing furniture.
    std::string title_norm = normalize_line(title);
    std::vector<std::string> paragraphs;
    std::string current;
    std::size_t body_start = i;
    std::size_t tail_limit = body_start + (lines.size() - body_start) / 3;  // markers only in the last 2/3
    auto flush = [&] {
        if (!current.empty()) paragraphs.push_back(std::move(current));
        current.clear();
    };
    for (; i < lines.size(); ++i) {
        const std::string& line = lines[i].text;
        if (line.empty()) {
            flush();
            continue;
        }
        std::string norm = normalize_line(line);
        if (equals_any(norm, kCommentFormLines) || norm.starts_with(kCommentFormNotice)) break;
        if (i >= tail_limit && equals_any(norm, kTailMarkers)) break;
        if (is_boilerplate(norm)) continue;
        if (!title_norm.empty() && norm == title_norm) continue;
        if (heading_shaped(line) && word_count(line) <= 10) {
            // a section heading: its own paragraph, kept as text, never the title
            bool next_is_text = i + 1 < lines.size();
            if (next_is_text) {
                flush();
                article.headings.push_back(line);
                paragraphs.push_back(line);
                continue;
            }
        }
        if (!current.empty()) current.push_back('\n');
        current += line;
    }
    flush();

    for (const auto& p : paragraphs) {
        if (!article.body.empty()) article.body += "\n\n";
        article.body += p;
    }

    // The agency named in a dateline is the source.
    std::string agency;
    for (const auto& p : paragraphs) {
        if (std::find(article.headings.begin(), article.headings.end(), p) != article.headings.end()) continue;
        dateline_prefix(p, &agency);
        break;
    }
    if (!agency.empty() && word_count(agency) <= 4) article.source = agency;

    if (!title.empty()) {
        article.title = title;
    } else {
        // skip headings when deriving a title from the first sentence
        std::string first_text;
        for (const auto& p : paragraphs) {
            if (std::find(article.headings.begin(), article.headings.end(), p) == article.headings.end()) {
                first_text = p;
                break;
            }
        }
        article.title = derive_title(first_text);
        article.title_derived = !article.title.empty();
    }

    if (article.body.empty() && article.title.empty()) {
        result.diagnostics.push_back({Diagnostic::Severity::error, input.path, 0, "no article text found"});
        return result;
    }
    result.articles.push_back(std::move(article));
    return result;
}

}  // namespace news
