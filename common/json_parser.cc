/// @file json_parser.cc
/// @brief JSON and JSON Lines news exports: wrappers, field names, text cleaning, diagnostics.
#include "common/json_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/credits.h"
#include "common/date_parse.h"
#include "common/html_parser.h"
#include "common/text_parser.h"
#include "common/text_util.h"
#include "common/utf8.h"

namespace news {
namespace {

using Json = nlohmann::json;
using text::trim;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ---------------------------------------------------------------------------
// Text of JSON fields

std::string_view strip_bom(std::string_view s) { return s.starts_with(kBom) ? s.substr(kBom.size()) : s; }

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// Line breaks as LF, other control characters (NUL included) as spaces.
std::string without_controls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if (s[i] == '\r') {
            if (i + 1 >= s.size() || s[i + 1] != '\n') out.push_back('\n');
        } else if (s[i] == '\n') {
            out.push_back('\n');
        } else if (u < 0x20 || u == 0x7F) {
            out.push_back(' ');
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

/// A tag ("<b", "</p", "<!--") or an entity ("&amp;", "&#8217;") somewhere in @p s.
bool has_markup(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        char next = s[i + 1];
        if (s[i] == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')) return true;
        if (s[i] == '&' && (is_alnum(next) || next == '#')) {
            std::size_t semi = s.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 32) return true;
        }
    }
    return false;
}

/// Block-level tags: the field is an HTML document fragment, not text.
bool has_block_markup(std::string_view s) {
    static constexpr std::array<std::string_view, 22> kBlockTags = {
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "table", "tr", "section", "article", "figure", "figcaption", "pre", "hr", "dd"};
    std::string lower = text::lower_ascii(s);
    for (std::size_t at = lower.find('<'); at != std::string::npos; at = lower.find('<', at + 1)) {
        std::string_view rest = std::string_view(lower).substr(at + 1);
        for (std::string_view tag : kBlockTags) {
            if (!rest.starts_with(tag)) continue;
            if (rest.size() == tag.size()) return true;
            char after = rest[tag.size()];
            if (after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n') return true;
        }
    }
    return false;
}

/// Paragraphs of plain text: blank lines separate paragraphs (single line
/// breaks inside are wrapping); without blank lines every line is one. A
/// sign-off on the last line after a finished sentence ("... not available.\n
/// Reuter") is a paragraph of its own, not the end of that sentence, so that
/// find_credit_lines knows it.
std::vector<std::string> plain_paragraphs(std::string_view s) {
    std::vector<std::string_view> lines = text::split_lines(s);
    bool blank_separated = false;
    bool seen_text = false;
    for (std::string_view line : lines) {
        if (trim(line).empty()) {
            if (seen_text) blank_separated = true;
        } else {
            seen_text = true;
        }
    }
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string p = text::collapse_spaces(current);
        if (!p.empty()) out.push_back(std::move(p));
        current.clear();
    };
    std::size_t last = lines.size();  // the last line with text
    for (std::size_t k = lines.size(); k-- > 0;) {
        if (!trim(lines[k]).empty()) {
            last = k;
            break;
        }
    }
    auto ends_sentence = [](std::string_view t) {
        t = trim(t);
        return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == '"');
    };
    for (std::size_t k = 0; k < lines.size(); ++k) {
        std::string_view line = lines[k];
        const bool sign_off = k == last && ends_sentence(current) && is_sign_off(trim(line));
        if (trim(line).empty() || !blank_separated || sign_off) flush();
        current.push_back(' ');
        current.append(line);
    }
    flush();
    return out;
}

/// The text of a JSON text field: HTML removed, paragraphs separated by "\n\n".
std::string field_text(std::string_view raw) {
    std::string s = without_controls(raw);
    if (has_block_markup(s)) return html_fragment_text(s);
    std::string out;
    for (const std::string& p : plain_paragraphs(s)) {
        std::string t = has_markup(p) ? html_fragment_text(p) : p;
        if (t.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += t;
    }
    return out;
}

/// The text of a one-line field (title, name, source).
std::string line_text(std::string_view raw) {
    std::string s = field_text(raw);
    for (std::size_t at = s.find("\n\n"); at != std::string::npos; at = s.find("\n\n", at)) s.replace(at, 2, " ");
    return s;
}


/// NewsAPI cuts "content" to 200 characters and appends "… [+1234 chars]".
std::string strip_truncation_marker(std::string_view s) {
    std::string_view t = trim(s);
    if (!t.ends_with(" chars]")) return std::string(s);
    std::size_t open = t.rfind("[+");
    if (open == std::string_view::npos) return std::string(s);
    std::string_view digits = t.substr(open + 2, t.size() - open - 2 - 7);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string(s);
    t = trim(t.substr(0, open));
    if (t.ends_with("\xe2\x80\xa6")) t.remove_suffix(3);
    else if (t.ends_with("...")) t.remove_suffix(3);
    return std::string(trim(t));
}

bool looks_like_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || s.starts_with("www.") || s.starts_with("mailto:");
}

// ---------------------------------------------------------------------------
// Values

const char* type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::binary: return "binary data";
        case Json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

/// A scalar as text: strings, numbers, and the wrappers of common exports
/// ({"$oid": ...}, {"$date": ...}, WordPress {"rendered": ...}, {"#text": ...}).
std::optional<std::string> scalar_text(const Json& v) {
    const Json* value = &v;
    if (value->is_object()) {
        for (const char* key : {"$oid", "$date", "rendered", "#text", "$t", "value"}) {
            auto it = value->find(key);
            if (it != value->end()) {
                value = &*it;
                break;
            }
        }
        if (value->is_object()) {
            auto it = value->find("$numberLong");  // {"$date": {"$numberLong": "..."}}
            if (it == value->end()) return std::nullopt;
            value = &*it;
        }
    }
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number_unsigned()) return std::to_string(value->get<std::uint64_t>());
    if (value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
    if (value->is_number_float()) {
        double d = value->get<double>();
        if (!std::isfinite(d)) return std::nullopt;
        if (d == std::floor(d) && std::fabs(d) < 1e15) return fmt::format("{:.0f}", d);
        return fmt::format("{}", d);
    }
    return std::nullopt;
}

/// The text of a body-like field: a string (or wrapped string), or an array
/// of them, one paragraph each.
std::string body_text(const Json& v) {
    if (!v.is_array()) {
        auto s = scalar_text(v);
        return s ? strip_truncation_marker(field_text(*s)) : std::string();
    }
    std::string out;
    for (const Json& e : v) {
        if (!e.is_string()) continue;
        std::string t = field_text(e.get_ref<const std::string&>());
        if (t.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += t;
    }
    return out;
}

/// A field name for comparison: lower case without '_', '-', ':', '.' or spaces
/// ("publishedAt" == "published_at", "dc:creator" == "dccreator").
std::string key_form(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '_' || c == '-' || c == ':' || c == '.' || c == ' ') continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

/// The members of one record by key_form; the first of equal names wins.
/// Members of a nested "_source" (Elasticsearch hits) or "fields" (Guardian
/// API) object are looked up after the record's own.
class Fields {
public:
    explicit Fields(const Json& object) {
        add_members(object);
        for (const char* nested : {"_source", "fields"}) {
            auto it = object.find(nested);
            if (it != object.end() && it->is_object()) add_members(*it);
        }
    }

    struct Member {
        std::string_view key;  ///< as written
        const Json* value;
    };

    /// The first non-null member among @p names (in key_form), in that order.
    [[nodiscard]] std::optional<Member> first(std::initializer_list<std::string_view> names) const {
        for (std::string_view name : names) {
            for (const auto& m : members_) {
                if (m.form == name && !m.value->is_null()) return Member{m.key, m.value};
            }
        }
        return std::nullopt;
    }

    /// Every non-null member among @p names, in the order of @p names.
    [[nodiscard]] std::vector<Member> all(std::initializer_list<std::string_view> names) const {
        std::vector<Member> out;
        for (std::string_view name : names) {
            for (const auto& m : members_) {
                if (m.form == name && !m.value->is_null()) out.push_back({m.key, m.value});
            }
        }
        return out;
    }

private:
    struct Entry {
        std::string form;
        std::string_view key;
        const Json* value;
    };

    void add_members(const Json& object) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            std::string form = key_form(it.key());
            bool known = std::any_of(members_.begin(), members_.end(), [&](const Entry& e) { return e.form == form; });
            if (!known) members_.push_back({std::move(form), it.key(), &it.value()});
        }
    }

    std::vector<Entry> members_;
};

// ---------------------------------------------------------------------------
// Dates

std::optional<DateValue> date_from_unix_seconds(std::int64_t seconds) {
    constexpr std::int64_t kMin = -2208988800;  // 1900-01-01
    constexpr std::int64_t kMax = 7258118400;   // 2200-01-01
    if (seconds < kMin || seconds >= kMax) return std::nullopt;
    std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    return DateValue{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

/// 20220923 as a date.
std::optional<DateValue> date_from_yyyymmdd(std::int64_t n) {
    if (n < 18000101 || n > 22001231) return std::nullopt;
    DateValue d{static_cast<int>(n / 10000), static_cast<int>(n / 100 % 100), static_cast<int>(n % 100)};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
    return d;
}

/// Unix seconds, Unix milliseconds, or a YYYYMMDD number.
std::optional<DateValue> date_from_number(std::int64_t n) {
    if (auto d = date_from_yyyymmdd(n)) return d;
    constexpr std::int64_t kMillisFrom = 100'000'000'000;  // 1e11 s is in the year 5138
    if (n >= kMillisFrom || n <= -kMillisFrom) n /= 1000;
    return date_from_unix_seconds(n);
}

std::optional<DateValue> date_from_json_number(const Json& v) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return date_from_number(static_cast<std::int64_t>(u));
    }
    if (v.is_number_integer()) return date_from_number(v.get<std::int64_t>());
    double d = v.get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 1e17) return std::nullopt;
    return date_from_number(static_cast<std::int64_t>(std::floor(d)));
}

/// A date string: parse_date, else a number written as a string.
std::optional<DateValue> date_from_string(std::string_view s, std::string* warning) {
    if (auto d = parse_date(s, warning)) return d;
    if (s.size() >= 8 && s.size() <= 13 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t n = 0;
        for (char c : s) n = n * 10 + (c - '0');
        return date_from_number(n);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Records

/// Where a record is: its line in JSON Lines, or its index in a JSON array.
struct RecordRef {
    std::size_t line = 0;    ///< JSON Lines: the 1-based line; 0 otherwise
    std::size_t record = 0;  ///< 1-based index in a JSON array; 0 for a single object

    [[nodiscard]] std::size_t origin() const { return line != 0 ? line : record; }
    /// "record N: " for array elements (JSON Lines diagnostics carry the line).
    [[nodiscard]] std::string prefix() const { return line == 0 && record != 0 ? fmt::format("record {}: ", record) : ""; }
};

class Reader {
public:
    Reader(const InputRef& input, ParseResult& result) : input_(input), result_(result) {}

    void diagnose(Diagnostic::Severity severity, const RecordRef& ref, std::string_view message) {
        result_.diagnostics.push_back({severity, input_.path, ref.line, ref.prefix() + std::string(message)});
    }
    void error(const RecordRef& ref, std::string_view message) { diagnose(Diagnostic::Severity::error, ref, message); }
    void warning(const RecordRef& ref, std::string_view message) { diagnose(Diagnostic::Severity::warning, ref, message); }
    /// A diagnostic about the whole input at @p line (0: none).
    void file_diagnostic(Diagnostic::Severity severity, std::size_t line, std::string message) {
        result_.diagnostics.push_back({severity, input_.path, line, std::move(message)});
    }

    /// One article record; anything but an object is an error.
    void read_record(const Json& value, const RecordRef& ref) {
        if (!value.is_object()) {
            error(ref, fmt::format("not an object (found {})", type_name(value)));
            return;
        }
        Article article = read_article(Fields(value), ref);
        if (article.title.empty() && article.body.empty()) {
            error(ref, "neither a title nor a body");
            return;
        }
        result_.articles.push_back(std::move(article));
    }

    /// The elements of a JSON array, numbered from 1.
    void read_array(const Json& array) {
        std::size_t index = 0;
        for (const Json& element : array) read_record(element, RecordRef{0, ++index});
    }

    [[nodiscard]] const ParseResult& result() const { return result_; }

private:
    Article read_article(const Fields& fields, const RecordRef& ref) {
        Article a;
        a.origin_path = input_.path;
        a.origin_record = ref.origin();

        if (auto m = fields.first({"title", "headline", "webtitle"})) {
            if (auto s = scalar_text(*m->value)) a.title = line_text(*s);
        }
        if (a.title.empty()) {
            if (auto m = fields.first({"name"})) {
                if (auto s = scalar_text(*m->value)) a.title = line_text(*s);
            }
        }

        read_body(fields, a);
        read_date(fields, ref, a);
        read_authors(fields, a);

        if (auto m = fields.first({"source", "publisher", "sourcename", "sitename", "sourcedomain"})) {
            const Json& v = *m->value;
            if (v.is_object()) {
                for (const char* key : {"name", "title"}) {
                    auto it = v.find(key);
                    if (it != v.end() && it->is_string()) {
                        a.source = line_text(it->get<std::string>());
                        break;
                    }
                }
            } else if (v.is_string()) {
                a.source = line_text(v.get<std::string>());
            }
        }

        if (auto m = fields.first({"url", "link", "weburl", "href", "canonicalurl", "permalink"})) {
            const Json* v = m->value;
            if (v->is_object()) {
                for (const char* key : {"href", "url"}) {
                    auto it = v->find(key);
                    if (it != v->end()) {
                        v = &*it;
                        break;
                    }
                }
            }
            if (v->is_string()) a.url = text::collapse_spaces(without_controls(v->get<std::string>()));
        }

        if (auto m = fields.first({"id", "uuid", "guid"})) {
            if (auto s = scalar_text(*m->value)) a.id = text::collapse_spaces(without_controls(*s));
        }

        if (a.title.empty() && !a.body.empty()) {
            a.title = derive_title(a.body);
            a.title_derived = !a.title.empty();
        }
        return a;
    }

    /// The fullest text field is the body; a description that the body does
    /// not already start with goes first as a lead paragraph.
    static void read_body(const Fields& fields, Article& a) {
        std::string body;
        for (const auto& m : fields.all({"body", "content", "text", "article", "articlebody", "maintext", "bodytext",
                                         "contenttext", "contenthtml", "fulltext", "paragraphs"})) {
            std::string t = body_text(*m.value);
            if (t.size() > body.size()) body = std::move(t);
        }
        std::string lead;
        for (const auto& m : fields.all({"description", "shortdescription", "summary", "excerpt", "abstract",
                                         "standfirst", "trailtext", "lead"})) {
            lead = body_text(*m.value);
            if (!lead.empty()) break;
        }
        std::string lead_key = text::word_key(lead);
        if (!lead_key.empty() && !a.title.empty() && lead_key == text::word_key(a.title)) lead.clear();

        if (body.empty()) {
            a.body = std::move(lead);
        } else if (lead.empty()) {
            a.body = std::move(body);
        } else {
            std::string body_key = text::word_key(body);
            if (body_key.starts_with(lead_key)) {
                a.body = std::move(body);
            } else if (lead_key.starts_with(body_key)) {
                a.body = std::move(lead);  // the "body" is a cut-off copy of the description
            } else {
                a.body = lead + "\n\n" + body;
            }
        }
    }

    void read_date(const Fields& fields, const RecordRef& ref, Article& a) {
        auto candidates = fields.all({"publishedat", "datepublished", "published", "pubdate", "publishdate",
                                      "datepublish", "publicationdate", "webpublicationdate", "date", "createdat"});
        std::string unreadable;
        std::string unreadable_key;
        for (const auto& m : candidates) {
            const Json& v = *m.value;
            std::optional<DateValue> date;
            std::string raw;
            std::string parse_warning;
            if (v.is_number()) {
                raw = scalar_text(v).value_or("");
                date = date_from_json_number(v);
            } else if (auto s = scalar_text(v)) {  // a string, or {"$date": ...}
                raw = text::collapse_spaces(without_controls(*s));
                if (raw.empty()) continue;
                date = date_from_string(raw, &parse_warning);
            } else {
                continue;  // booleans, arrays: not a date
            }
            if (!date) {
                if (unreadable.empty()) {
                    unreadable = raw;
                    unreadable_key = m.key;
                }
                continue;
            }
            a.date = date;
            a.date_raw = raw;
            a.date_origin = DateOrigin::metadata;
            if (!parse_warning.empty()) warning(ref, fmt::format("date \"{}\": {}", truncated(raw), parse_warning));
            return;
        }
        if (!unreadable.empty()) {
            warning(ref, fmt::format("unreadable date \"{}\" in \"{}\"", truncated(unreadable), truncated(unreadable_key)));
        }
    }

    static void read_authors(const Fields& fields, Article& a) {
        auto add = [&](std::string_view raw) {
            std::string t = line_text(raw);
            std::string_view rest = trim(t);
            if (text::lower_ascii(rest.substr(0, 3)) == "by ") rest = trim(rest.substr(3));
            for (std::string& name : text::split_names(rest)) {
                if (name.empty() || looks_like_url(name)) continue;
                std::string lower = text::lower_ascii(name);
                bool dup = std::any_of(a.authors.begin(), a.authors.end(),
                                       [&](const std::string& n) { return text::lower_ascii(n) == lower; });
                if (!dup) a.authors.push_back(std::move(name));
            }
        };
        auto add_value = [&](const Json& v) {
            if (v.is_string()) {
                add(v.get<std::string>());
            } else if (v.is_object()) {
                for (const char* key : {"name", "displayname", "title"}) {
                    auto it = v.find(key);
                    if (it != v.end() && it->is_string()) {
                        add(it->get<std::string>());
                        break;
                    }
                }
            }
        };
        if (auto m = fields.first({"authors", "author", "byline", "creator", "dccreator", "writer"})) {
            const Json& v = *m->value;
            if (v.is_array()) {
                for (const Json& e : v) add_value(e);
            } else {
                add_value(v);
            }
        }
    }

    /// @p s cut to a length fit for a message.
    static std::string truncated(std::string_view s) {
        constexpr std::size_t kMax = 80;
        if (s.size() <= kMax) return std::string(s);
        return std::string(utf8::truncate(s, kMax)) + "\xe2\x80\xa6";
    }

    const InputRef& input_;
    ParseResult& result_;
};

/// The message of a JSON library exception without its "[json.exception...] " tag.
std::string json_error_message(const std::exception& e) {
    std::string_view what = e.what();
    if (what.starts_with("[json.exception.")) {
        std::size_t close = what.find("] ");
        if (close != std::string_view::npos) what.remove_prefix(close + 2);
    }
    return std::string(what);
}

/// 1-based line of byte offset @p offset.
std::size_t line_at(std::string_view s, std::size_t offset) {
    offset = std::min(offset, s.size());
    return 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// The array of articles inside a wrapper object, or nullptr.
const Json* wrapped_records(const Json& object, int depth) {
    static constexpr std::array<std::string_view, 11> kWrappers = {
        "articles", "items", "results", "data", "hits", "docs", "documents", "entries", "posts", "stories", "response"};
    if (depth > 3) return nullptr;
    for (std::string_view wrapper : kWrappers) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (key_form(it.key()) != wrapper) continue;
            if (it->is_array()) return &*it;
            if (it->is_object()) {
                if (const Json* inner = wrapped_records(*it, depth + 1)) return inner;
            }
        }
    }
    return nullptr;
}

/// Non-blank lines, and whether the first of them is a complete JSON object
/// on its own: a document that is really JSON Lines.
bool looks_like_json_lines(std::string_view content) {
    std::size_t non_blank = 0;
    bool first_is_object = false;
    for (std::string_view line : text::split_lines(content)) {
        line = trim(line);
        if (line.empty()) continue;
        if (++non_blank == 1) {
            first_is_object = line.front() == '{' && Json::accept(line.begin(), line.end());
            if (!first_is_object) return false;
        } else {
            return true;
        }
    }
    return false;
}

/// @p content with invalid UTF-8 replaced, or nullopt when it is valid.
std::optional<std::string> repaired_utf8(std::string_view content) {
    if (utf8::valid(content)) return std::nullopt;
    return utf8::sanitize(content);
}

void read_json_document(std::string_view content, Reader& reader, const InputRef& input, ParseResult& result) {
    if (trim(content).empty()) {
        reader.file_diagnostic(Diagnostic::Severity::error, 0, "empty input: no JSON document");
        return;
    }
    if (std::size_t at = json_nesting_overflow(content, kMaxJsonDepth); at != std::string_view::npos) {
        reader.file_diagnostic(Diagnostic::Severity::error, line_at(content, at),
                               fmt::format("arrays or objects nested deeper than {} levels", kMaxJsonDepth));
        return;
    }
    std::optional<std::string> repaired = repaired_utf8(content);
    if (repaired) {
        reader.file_diagnostic(Diagnostic::Severity::warning, 0, "invalid UTF-8 replaced with U+FFFD");
        content = *repaired;
    }
    Json root;
    try {
        root = Json::parse(content.begin(), content.end());
    } catch (const Json::parse_error& e) {
        if (looks_like_json_lines(content)) {
            // One object per line in a .json file, as some datasets ship.
            ParseResult lines = parse_json_lines(content, input);
            for (auto& a : lines.articles) result.articles.push_back(std::move(a));
            for (auto& d : lines.diagnostics) result.diagnostics.push_back(std::move(d));
            return;
        }
        std::size_t line = e.byte == 0 ? 0 : line_at(content, e.byte - 1);
        reader.file_diagnostic(Diagnostic::Severity::error, line, json_error_message(e));
        return;
    } catch (const Json::exception& e) {
        reader.file_diagnostic(Diagnostic::Severity::error, 0, json_error_message(e));
        return;
    }

    if (root.is_array()) {
        if (root.empty()) reader.file_diagnostic(Diagnostic::Severity::warning, 0, "no articles in the JSON array");
        reader.read_array(root);
    } else if (root.is_object()) {
        if (const Json* records = wrapped_records(root, 0)) {
            if (records->empty()) reader.file_diagnostic(Diagnostic::Severity::warning, 0, "no articles in the JSON document");
            reader.read_array(*records);
        } else {
            reader.read_record(root, RecordRef{});
        }
    } else {
        reader.file_diagnostic(Diagnostic::Severity::error, 0,
                               fmt::format("not an article object or array (found {})", type_name(root)));
    }
}

void read_json_lines(std::string_view content, Reader& reader) {
    std::size_t records = 0;
    std::size_t number = 0;
    for (std::string_view raw : text::split_lines(content)) {
        ++number;
        std::string_view line = trim(raw);
        if (line.empty()) continue;
        ++records;
        RecordRef ref{number, 0};
        if (json_nesting_overflow(line, kMaxJsonDepth) != std::string_view::npos) {
            reader.error(ref, fmt::format("arrays or objects nested deeper than {} levels", kMaxJsonDepth));
            continue;
        }
        std::optional<std::string> repaired = repaired_utf8(line);
        if (repaired) {
            reader.warning(ref, "invalid UTF-8 replaced with U+FFFD");
            line = *repaired;
        }
        Json value;
        try {
            value = Json::parse(line.begin(), line.end());
        } catch (const Json::exception& e) {
            std::string message = json_error_message(e);
            if (auto at = message.find("at line 1, column"); at != std::string::npos) message.replace(at, 17, "at column");
            reader.error(ref, message);
            continue;
        }
        reader.read_record(value, ref);
    }
    if (records == 0) reader.file_diagnostic(Diagnostic::Severity::error, 0, "empty input: no JSON records");
}

/// True when the first non-blank line of @p content is not a JSON value by
/// itself but the whole of it is: a pretty-printed document.
bool is_multiline_document(std::string_view content) {
    for (std::string_view line : text::split_lines(content)) {
        line = trim(line);
        if (line.empty()) continue;
        if (Json::accept(line.begin(), line.end())) return false;
        break;
    }
    return json_nesting_overflow(content, kMaxJsonDepth) == std::string_view::npos &&
           Json::accept(content.begin(), content.end());
}

}  // namespace

std::size_t json_nesting_overflow(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escape = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

ParseResult parse_json(std::string_view content, const InputRef& input) {
    ParseResult result;
    Reader reader(input, result);
    try {
        read_json_document(strip_bom(content), reader, input, result);
    } catch (const std::exception& e) {
        reader.file_diagnostic(Diagnostic::Severity::error, 0, fmt::format("cannot read JSON: {}", e.what()));
    }
    return result;
}

ParseResult parse_json_lines(std::string_view content, const InputRef& input) {
    ParseResult result;
    Reader reader(input, result);
    try {
        content = strip_bom(content);
        if (is_multiline_document(content)) {
            read_json_document(content, reader, input, result);  // a pretty-printed JSON document
        } else {
            read_json_lines(content, reader);
        }
    } catch (const std::exception& e) {
        reader.file_diagnostic(Diagnostic::Severity::error, 0, fmt::format("cannot read JSON Lines: {}", e.what()));
    }
    return result;
}

}  // namespace news
