/// @file render.cc
/// @brief Output formats of news-search.
#include "searcher/render.h"

#include <ostream>
#include <type_traits>
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
    std::string out;
    out.reserve(4096 + 2048 * r.hits.size());
    auto text = [&](std::string_view s) { json_text::append_string(out, s); };
    // A value after its key: strings, booleans, doubles and counts.
    auto value = [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) json_text::append_bool(out, v);
        else if constexpr (std::is_floating_point_v<T>) json_text::append_number(out, v);
        else if constexpr (std::is_integral_v<T>) json_text::append_number(out, static_cast<std::uint64_t>(v));
        else text(v);
    };
    // @p k is the key with its quotes, colon and leading comma as written; keys
    // go in the order nlohmann's objects (std::map) keep them: bytewise.
    auto put = [&](std::string_view k, const auto& v) {
        out += k;
        value(v);
    };
    auto list = [&](const auto& items, auto&& item) {
        out.push_back('[');
        bool first = true;
        for (const auto& x : items) {
            if (!std::exchange(first, false)) out.push_back(',');
            item(x);
        }
        out.push_back(']');
    };
    auto texts = [&](const std::vector<std::string>& v) { list(v, text); };
    auto lists_by_key = [&](const auto& map, auto&& item) {  // {"key":[...],...}
        out.push_back('{');
        bool first = true;
        for (const auto& [k, items] : map) {
            if (!std::exchange(first, false)) out.push_back(',');
            text(k);
            out.push_back(':');
            list(items, item);
        }
        out.push_back('}');
    };
    out += "{\"facets\":";
    lists_by_key(r.facets, [&](const FacetValue& v) {
        put("{\"count\":", v.count);
        put(",\"value\":", v.value);
        out.push_back('}');
    });
    out += ",\"hits\":";
    list(r.hits, [&](const SearchHit& h) {
        const Article& a = h.article;
        out += "{\"authors\":";
        texts(a.authors);
        out += ",\"date\":";
        if (a.date) text(a.date->iso());
        else out += "null";
        put(",\"date_origin\":", std::string_view(to_string(a.date_origin)));
        out += ",\"dates_mentioned\":";
        list(a.dates_mentioned, [&](const DateValue& d) { text(d.iso()); });
        out += ",\"entities\":{\"misc\":";
        texts(a.entities.misc);
        out += ",\"org\":";
        texts(a.entities.org);
        out += ",\"person\":";
        texts(a.entities.person);
        out += ",\"place\":";
        texts(a.entities.place);
        put("},\"id\":", a.id);
        put(",\"rank\":", h.rank);
        put(",\"score\":", h.score);
        put(",\"snippet\":", h.snippet);
        put(",\"source\":", a.source);
        put(",\"title\":", a.title);
        put(",\"title_derived\":", a.title_derived);
        put(",\"url\":", a.url);
        out.push_back('}');
    });
    if (paging) {
        put(",\"limit\":", paging->limit);
        put(",\"offset\":", paging->offset);
    }
    put(",\"query\":", r.query);
    out += ",\"related\":";
    lists_by_key(r.related, [&](const RelatedValue& v) {
        put("{\"collection_count\":", v.collection_count);
        put(",\"count\":", v.count);
        put(",\"score\":", v.score);
        put(",\"value\":", v.value);
        out.push_back('}');
    });
    out += ",\"suggestion\":";
    if (r.suggestion.empty()) out += "null";
    else text(r.suggestion);
    put(",\"total\":", r.total);
    put(",\"total_exact\":", r.total_exact);
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
