/// @file render.cc
/// @brief Output formats of news-search.
#include "searcher/render.h"

#include <ostream>
#include <utility>

#include <fmt/format.h>

#include "common/article_json.h"
#include "searcher/json_text.h"

namespace news {
namespace {

std::string html_unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            static constexpr std::pair<std::string_view, char> kEntities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool done = false;
            for (auto [name, ch] : kEntities) {
                if (s.substr(i, name.size()) == name) {
                    out.push_back(ch);
                    i += name.size() - 1;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out.push_back(s[i]);
    }
    return out;
}

/// Snippet for a terminal: <mark> becomes bold (or [ ]), entities decoded, one line.
std::string terminal_snippet(const std::string& snippet, const TextStyle& style) {
    std::string s;
    std::string_view in = snippet;
    for (std::size_t i = 0; i < in.size();) {
        if (in.substr(i, 6) == "<mark>") {
            s += style.color ? "\x1b[1m" : "[";
            i += 6;
        } else if (in.substr(i, 7) == "</mark>") {
            s += style.color ? "\x1b[0m" : "]";
            i += 7;
        } else {
            char c = in[i++];
            s.push_back(c == '\n' ? ' ' : c);
        }
    }
    return html_unescape(s);
}

}  // namespace

nlohmann::json response_json(const SearchResponse& r) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : r.hits) {
        const Article& a = h.article;
        nlohmann::json mentioned = nlohmann::json::array();
        for (const auto& d : a.dates_mentioned) mentioned.push_back(d.iso());
        hits.push_back({{"rank", h.rank},
                        {"id", a.id},
                        {"title", a.title},
                        {"title_derived", a.title_derived},
                        {"date", a.date ? nlohmann::json(a.date->iso()) : nlohmann::json(nullptr)},
                        {"date_origin", to_string(a.date_origin)},
                        {"source", a.source},
                        {"url", a.url},
                        {"authors", a.authors},
                        {"score", h.score},
                        {"snippet", h.snippet},
                        {"entities", entities_json(a.entities)},
                        {"dates_mentioned", mentioned}});
    }
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [key, values] : r.facets) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
        facets[key] = std::move(list);
    }
    nlohmann::json related = nlohmann::json::object();
    for (const auto& [field, values] : r.related) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& v : values) {
            list.push_back({{"value", v.value}, {"count", v.count}, {"collection_count", v.collection_count},
                            {"score", v.score}});
        }
        related[field] = std::move(list);
    }
    return {{"query", r.query},
            {"total", r.total},
            {"total_exact", r.total_exact},
            {"hits", std::move(hits)},
            {"facets", std::move(facets)},
            {"related", std::move(related)},
            {"suggestion", r.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.suggestion)}};
}

std::string response_json_text(const SearchResponse& r, const Paging* paging) {
    using json_text::append_bool;
    using json_text::append_number;
    using json_text::append_string;
    std::string out;
    out.reserve(4096 + 2048 * r.hits.size());
    // Keys in the order nlohmann's objects (std::map) keep them: bytewise.
    auto key = [&](std::string_view k) {
        append_string(out, k);
        out.push_back(':');
    };
    auto strings = [&](const std::vector<std::string>& v) {
        out.push_back('[');
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out.push_back(',');
            append_string(out, v[i]);
        }
        out.push_back(']');
    };
    auto size = [&](std::size_t n) { append_number(out, static_cast<std::uint64_t>(n)); };
    out += "{\"facets\":{";
    bool first = true;
    for (const auto& [name, values] : r.facets) {
        if (!std::exchange(first, false)) out.push_back(',');
        key(name);
        out.push_back('[');
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) out.push_back(',');
            out += "{\"count\":";
            size(values[i].count);
            out += ",\"value\":";
            append_string(out, values[i].value);
            out.push_back('}');
        }
        out.push_back(']');
    }
    out += "},\"hits\":[";
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        const SearchHit& h = r.hits[i];
        const Article& a = h.article;
        if (i) out.push_back(',');
        out += "{\"authors\":";
        strings(a.authors);
        out += ",\"date\":";
        if (a.date) append_string(out, a.date->iso());
        else out += "null";
        out += ",\"date_origin\":";
        append_string(out, to_string(a.date_origin));
        out += ",\"dates_mentioned\":[";
        for (std::size_t k = 0; k < a.dates_mentioned.size(); ++k) {
            if (k) out.push_back(',');
            append_string(out, a.dates_mentioned[k].iso());
        }
        out += "],\"entities\":{\"misc\":";
        strings(a.entities.misc);
        out += ",\"org\":";
        strings(a.entities.org);
        out += ",\"person\":";
        strings(a.entities.person);
        out += ",\"place\":";
        strings(a.entities.place);
        out += "},\"id\":";
        append_string(out, a.id);
        out += ",\"rank\":";
        size(h.rank);
        out += ",\"score\":";
        append_number(out, h.score);
        out += ",\"snippet\":";
        append_string(out, h.snippet);
        out += ",\"source\":";
        append_string(out, a.source);
        out += ",\"title\":";
        append_string(out, a.title);
        out += ",\"title_derived\":";
        append_bool(out, a.title_derived);
        out += ",\"url\":";
        append_string(out, a.url);
        out.push_back('}');
    }
    out.push_back(']');
    if (paging) {
        out += ",\"limit\":";
        size(paging->limit);
        out += ",\"offset\":";
        size(paging->offset);
    }
    out += ",\"query\":";
    append_string(out, r.query);
    out += ",\"related\":{";
    first = true;
    for (const auto& [field, values] : r.related) {
        if (!std::exchange(first, false)) out.push_back(',');
        key(field);
        out.push_back('[');
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) out.push_back(',');
            out += "{\"collection_count\":";
            size(values[i].collection_count);
            out += ",\"count\":";
            size(values[i].count);
            out += ",\"score\":";
            append_number(out, values[i].score);
            out += ",\"value\":";
            append_string(out, values[i].value);
            out.push_back('}');
        }
        out.push_back(']');
    }
    out += "},\"suggestion\":";
    if (r.suggestion.empty()) out += "null";
    else append_string(out, r.suggestion);
    out += ",\"total\":";
    size(r.total);
    out += ",\"total_exact\":";
    append_bool(out, r.total_exact);
    out.push_back('}');
    return out;
}

void render_text(const SearchResponse& r, const TextStyle& style, std::ostream& out) {
    const char* bold = style.color ? "\x1b[1m" : "";
    const char* reset = style.color ? "\x1b[0m" : "";
    std::string shown = r.query.empty() ? "all articles" : fmt::format("\"{}\"", r.query);
    out << fmt::format("{}{} article{}{} for {}\n", r.total_exact ? "" : "about ", r.total,
                       r.total == 1 ? "" : "s", r.hits.empty() ? "" : fmt::format(", showing {}-{}", r.hits.front().rank, r.hits.back().rank), shown);
    if (!r.suggestion.empty()) out << fmt::format("Did you mean: {}\n", r.suggestion);
    for (const auto& h : r.hits) {
        const Article& a = h.article;
        out << fmt::format("\n{:>3}. {}{}{}{}\n", h.rank, bold, a.title, reset, a.title_derived ? " (title derived)" : "");
        std::vector<std::string> meta;
        meta.push_back(a.date ? a.date->iso() : "undated");
        if (!a.source.empty()) meta.push_back(a.source);
        if (!a.authors.empty()) meta.push_back(fmt::format("by {}", fmt::join(a.authors, ", ")));
        meta.push_back(fmt::format("score {:.2f}", h.score));
        out << fmt::format("     {}\n", fmt::join(meta, " | "));
        out << fmt::format("     {}\n", a.url.empty() ? a.id : a.url);
        if (!h.snippet.empty()) out << fmt::format("     {}\n", terminal_snippet(h.snippet, style));
        auto line = [&](const char* name, const std::vector<std::string>& v) {
            if (!v.empty()) out << fmt::format("     {}: {}\n", name, fmt::join(v, "; "));
        };
        line("people", a.entities.person);
        line("organisations", a.entities.org);
        line("places", a.entities.place);
        line("other", a.entities.misc);
    }
    if (!r.facets.empty()) out << fmt::format("\n{}Facets{}\n", bold, reset);
    for (const auto& [key, values] : r.facets) {
        std::vector<std::string> parts;
        for (const auto& v : values) parts.push_back(fmt::format("{} ({})", v.value, v.count));
        out << fmt::format("  {}: {}\n", key, parts.empty() ? "(none)" : fmt::format("{}", fmt::join(parts, ", ")));
    }
    if (!r.related.empty()) out << fmt::format("\n{}Related{} (matching / all articles, G2)\n", bold, reset);
    for (const auto& [field, values] : r.related) {
        std::vector<std::string> parts;
        for (const auto& v : values) {
            parts.push_back(fmt::format("{} ({}/{}, {:.1f})", v.value, v.count, v.collection_count, v.score));
        }
        out << fmt::format("  {}: {}\n", field, parts.empty() ? "(none)" : fmt::format("{}", fmt::join(parts, ", ")));
    }
}

}  // namespace news
