/// @file article_json.cc
/// @brief Article <-> JSON.
#include "common/article_json.h"

#include <stdexcept>

#include <cstdio>

namespace news {
namespace {

nlohmann::json date_or_null(const std::optional<DateValue>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

std::optional<DateValue> parse_iso_value(const std::string& s) {
    DateValue d;
    int n = std::sscanf(s.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day);
    if (n < 1) return std::nullopt;
    return d;
}

}  // namespace

nlohmann::json entities_json(const Entities& entities) {
    return nlohmann::json{{"person", entities.person},
                          {"org", entities.org},
                          {"place", entities.place},
                          {"misc", entities.misc}};
}

nlohmann::json found_json(const FoundEntities& found) {
    auto list = [](const std::vector<FoundEntity>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& f : v) a.push_back(nlohmann::json{{"name", f.name}, {"forms", f.forms}});
        return a;
    };
    return nlohmann::json{{"person", list(found.person)},
                          {"org", list(found.org)},
                          {"place", list(found.place)},
                          {"misc", list(found.misc)}};
}

nlohmann::json article_summary_json(const Article& article) {
    nlohmann::json mentioned = nlohmann::json::array();
    for (const auto& d : article.dates_mentioned) mentioned.push_back(d.iso());
    return nlohmann::json{{"id", article.id},
                          {"title", article.title},
                          {"title_derived", article.title_derived},
                          {"date", date_or_null(article.date)},
                          {"date_origin", to_string(article.date_origin)},
                          {"source", article.source},
                          {"url", article.url},
                          {"authors", article.authors},
                          {"entities", entities_json(article.entities)},
                          {"dates_mentioned", mentioned},
                          {"text_chars", article.body.size()}};
}

std::string serialize_stored(const Article& article) {
    return stored_with_entities(serialize_stored_base(article), article.entities);
}

std::string stored_with_entities(std::string_view base, const Entities& entities) {
    // base is a JSON object with members: insert the one more before its '}'.
    std::string out(base.substr(0, base.size() - 1));
    out += ",\"entities\":";
    out += entities_json(entities).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '}';
    return out;
}

std::string serialize_stored_base(const Article& article) {
    nlohmann::json j = article_summary_json(article);
    j.erase("entities");
    j["found"] = found_json(article.found);
    j["body"] = article.body;
    j["headings"] = article.headings;
    j["path"] = article.origin_path;
    j["record"] = article.origin_record;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article deserialize_stored(std::string_view data) {
    auto j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw std::runtime_error("corrupt document data in the index");
    Article a;
    a.id = j.value("id", "");
    a.title = j.value("title", "");
    a.title_derived = j.value("title_derived", false);
    if (j.contains("date") && j["date"].is_string()) a.date = parse_iso_value(j["date"].get<std::string>());
    a.source = j.value("source", "");
    a.url = j.value("url", "");
    a.authors = j.value("authors", std::vector<std::string>{});
    if (auto it = j.find("entities"); it != j.end() && it->is_object()) {
        a.entities.person = it->value("person", std::vector<std::string>{});
        a.entities.org = it->value("org", std::vector<std::string>{});
        a.entities.place = it->value("place", std::vector<std::string>{});
        a.entities.misc = it->value("misc", std::vector<std::string>{});
    }
    auto read_found = [](const nlohmann::json& list, std::vector<FoundEntity>& out) {
        if (!list.is_array()) return;
        for (const auto& f : list) {
            if (!f.is_object()) continue;
            out.push_back(FoundEntity{.name = f.value("name", ""), .forms = f.value("forms", std::vector<std::string>{})});
        }
    };
    if (auto it = j.find("found"); it != j.end() && it->is_object()) {
        for (const auto& [field, list] : it->items()) {
            if (field == "person") read_found(list, a.found.person);
            else if (field == "org") read_found(list, a.found.org);
            else if (field == "place") read_found(list, a.found.place);
            else if (field == "misc") read_found(list, a.found.misc);
        }
    } else {
        a.found = found_from_values(a.entities);
    }
    for (const auto& v : j.value("dates_mentioned", std::vector<std::string>{})) {
        if (auto d = parse_iso_value(v)) a.dates_mentioned.push_back(*d);
    }
    a.body = j.value("body", "");
    a.headings = j.value("headings", std::vector<std::string>{});
    std::string origin = j.value("date_origin", "none");
    a.date_origin = origin == "metadata" ? DateOrigin::metadata
                    : origin == "dateline" ? DateOrigin::dateline
                    : origin == "option"   ? DateOrigin::option
                                           : DateOrigin::none;
    a.origin_path = j.value("path", "");
    a.origin_record = j.value("record", std::size_t{0});
    return a;
}

}  // namespace news
