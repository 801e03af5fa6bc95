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

namespace {

/// Reads stored document data straight into an Article, without building a
/// JSON tree or going through a general lexer (a hit is read on every search;
/// nlohmann's DOM parse cost a quarter of a query, its SAX parse a fifth).
/// Strict JSON; fields of an unexpected type are left at their defaults.
class StoredReader {
public:
    StoredReader(std::string_view data, Article& article) : s_(data), a_(article) {}

    /// False when the data is not one JSON object.
    bool read() {
        ws();
        if (!top_object()) return false;
        ws();
        if (p_ != s_.size()) return false;
        for (const auto& v : mentioned_) {
            if (auto d = parse_iso_value(v)) a_.dates_mentioned.push_back(*d);
        }
        // Documents written before "found" was stored: the entity values are all that is known.
        if (!saw_found_) a_.found = found_from_values(a_.entities);
        a_.date_origin = origin_ == "metadata" ? DateOrigin::metadata
                         : origin_ == "dateline" ? DateOrigin::dateline
                         : origin_ == "option"   ? DateOrigin::option
                                                 : DateOrigin::none;
        return true;
    }

private:
    static constexpr int kMaxDepth = 64;

    void ws() {
        while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\t' || s_[p_] == '\r')) ++p_;
    }
    bool eat(char c) {
        ws();
        if (p_ < s_.size() && s_[p_] == c) {
            ++p_;
            return true;
        }
        return false;
    }
    [[nodiscard]] char peek() {
        ws();
        return p_ < s_.size() ? s_[p_] : '\0';
    }

    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    bool hex4(unsigned& out) {
        if (p_ + 4 > s_.size()) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = s_[p_++];
            unsigned d = c >= '0' && c <= '9' ? static_cast<unsigned>(c - '0')
                         : c >= 'a' && c <= 'f' ? static_cast<unsigned>(c - 'a' + 10)
                         : c >= 'A' && c <= 'F' ? static_cast<unsigned>(c - 'A' + 10)
                                                : 16u;
            if (d == 16) return false;
            out = out * 16 + d;
        }
        return true;
    }
    /// A string at p_ (after whitespace), appended to @p out (when given).
    bool string(std::string* out) {
        if (!eat('"')) return false;
        for (;;) {
            std::size_t run = p_;
            while (p_ < s_.size() && s_[p_] != '"' && s_[p_] != '\\' && static_cast<unsigned char>(s_[p_]) >= 0x20) ++p_;
            if (out) out->append(s_.data() + run, p_ - run);
            if (p_ >= s_.size() || static_cast<unsigned char>(s_[p_]) < 0x20) return false;
            if (s_[p_++] == '"') return true;
            if (p_ >= s_.size()) return false;
            char e = s_[p_++];
            unsigned cp = 0;
            switch (e) {
                case '"': cp = '"'; break;
                case '\\': cp = '\\'; break;
                case '/': cp = '/'; break;
                case 'b': cp = '\b'; break;
                case 'f': cp = '\f'; break;
                case 'n': cp = '\n'; break;
                case 'r': cp = '\r'; break;
                case 't': cp = '\t'; break;
                case 'u': {
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
                        unsigned low = 0;
                        if (p_ + 2 > s_.size() || s_[p_] != '\\' || s_[p_ + 1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp < 0xE000) {
                        return false;
                    }
                    break;
                }
                default: return false;
            }
            if (out) put_utf8(*out, cp);
        }
    }
    bool literal(std::string_view word) {
        ws();
        if (s_.substr(p_, word.size()) != word) return false;
        p_ += word.size();
        return true;
    }
    /// A number; its value when it is a non-negative integer.
    bool number(std::size_t* out) {
        ws();
        std::size_t start = p_;
        if (p_ < s_.size() && s_[p_] == '-') ++p_;
        std::size_t digits = p_;
        while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
        if (p_ == digits) return false;
        if (s_[digits] == '0' && p_ - digits > 1) return false;  // no leading zeros
        bool integer = true;
        if (p_ < s_.size() && s_[p_] == '.') {
            integer = false;
            std::size_t f = ++p_;
            while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
            if (p_ == f) return false;
        }
        if (p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E')) {
            integer = false;
            ++p_;
            if (p_ < s_.size() && (s_[p_] == '+' || s_[p_] == '-')) ++p_;
            std::size_t e = p_;
            while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
            if (p_ == e) return false;
        }
        if (out && integer && s_[start] != '-') {
            std::size_t v = 0;
            for (std::size_t i = start; i < p_; ++i) v = v * 10 + static_cast<std::size_t>(s_[i] - '0');
            *out = v;
        }
        return true;
    }
    /// Any value, not kept.
    bool skip(int depth) {
        if (depth > kMaxDepth) return false;
        switch (peek()) {
            case '"': return string(nullptr);
            case '{': {
                ++p_;
                if (eat('}')) return true;
                do {
                    if (!string(nullptr) || !eat(':') || !skip(depth + 1)) return false;
                } while (eat(','));
                return eat('}');
            }
            case '[': {
                ++p_;
                if (eat(']')) return true;
                do {
                    if (!skip(depth + 1)) return false;
                } while (eat(','));
                return eat(']');
            }
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            default: return number(nullptr);
        }
    }
    /// An array of strings into @p out (other elements skipped), or any other value skipped.
    bool string_list(std::vector<std::string>& out) {
        if (peek() != '[') return skip(1);
        ++p_;
        if (eat(']')) return true;
        do {
            if (peek() == '"') {
                std::string v;
                if (!string(&v)) return false;
                out.push_back(std::move(v));
            } else if (!skip(2)) {
                return false;
            }
        } while (eat(','));
        return eat(']');
    }
    /// A string into @p out, or any other value skipped.
    bool string_field(std::string& out) {
        if (peek() != '"') return skip(1);
        out.clear();
        return string(&out);
    }
    bool entities() {
        if (peek() != '{') return skip(1);
        ++p_;
        if (eat('}')) return true;
        std::string key;
        do {
            key.clear();
            if (!string(&key) || !eat(':')) return false;
            std::vector<std::string>* list = key == "person" ? &a_.entities.person
                                             : key == "org"  ? &a_.entities.org
                                             : key == "place" ? &a_.entities.place
                                             : key == "misc"  ? &a_.entities.misc
                                                              : nullptr;
            if (!(list ? string_list(*list) : skip(2))) return false;
        } while (eat(','));
        return eat('}');
    }
    /// {"person":[{"name":...,"forms":[...]}],...}: what extraction found (see found_json).
    bool found() {
        if (peek() != '{') return skip(1);
        ++p_;
        saw_found_ = true;
        if (eat('}')) return true;
        std::string key;
        do {
            key.clear();
            if (!string(&key) || !eat(':')) return false;
            std::vector<FoundEntity>* list = key == "person" ? &a_.found.person
                                             : key == "org"  ? &a_.found.org
                                             : key == "place" ? &a_.found.place
                                             : key == "misc"  ? &a_.found.misc
                                                              : nullptr;
            if (!(list ? found_list(*list) : skip(2))) return false;
        } while (eat(','));
        return eat('}');
    }
    bool found_list(std::vector<FoundEntity>& out) {
        if (peek() != '[') return skip(2);
        ++p_;
        if (eat(']')) return true;
        do {
            if (peek() != '{') {
                if (!skip(3)) return false;
                continue;
            }
            ++p_;
            FoundEntity f;
            if (!eat('}')) {
                std::string key;
                do {
                    key.clear();
                    if (!string(&key) || !eat(':')) return false;
                    bool ok = key == "name" ? string_field(f.name) : key == "forms" ? string_list(f.forms) : skip(4);
                    if (!ok) return false;
                } while (eat(','));
                if (!eat('}')) return false;
            }
            out.push_back(std::move(f));
        } while (eat(','));
        return eat(']');
    }
    bool top_object() {
        if (!eat('{')) return false;
        if (eat('}')) return true;
        std::string key;
        do {
            key.clear();
            if (!string(&key) || !eat(':')) return false;
            bool ok = true;
            if (key == "body") ok = string_field(a_.body);
            else if (key == "id") ok = string_field(a_.id);
            else if (key == "title") ok = string_field(a_.title);
            else if (key == "source") ok = string_field(a_.source);
            else if (key == "url") ok = string_field(a_.url);
            else if (key == "path") ok = string_field(a_.origin_path);
            else if (key == "date_origin") ok = string_field(origin_);
            else if (key == "date") {
                std::string d;
                ok = string_field(d);
                a_.date = d.empty() ? std::nullopt : parse_iso_value(d);
            } else if (key == "title_derived") {
                if (peek() == 't') ok = a_.title_derived = literal("true");
                else if (peek() == 'f') ok = literal("false");
                else ok = skip(1);
            } else if (key == "record") {
                if (peek() == '-' || (peek() >= '0' && peek() <= '9')) ok = number(&a_.origin_record);
                else ok = skip(1);
            } else if (key == "authors") ok = string_list(a_.authors);
            else if (key == "headings") ok = string_list(a_.headings);
            else if (key == "dates_mentioned") ok = string_list(mentioned_);
            else if (key == "entities") ok = entities();
            else if (key == "found") ok = found();
            else ok = skip(1);
            if (!ok) return false;
        } while (eat(','));
        return eat('}');
    }

    std::string_view s_;
    std::size_t p_ = 0;
    Article& a_;
    std::vector<std::string> mentioned_;
    std::string origin_ = "none";
    bool saw_found_ = false;
};

}  // namespace

Article deserialize_stored(std::string_view data) {
    Article a;
    if (!StoredReader(data, a).read()) throw std::runtime_error("corrupt document data in the index");
    return a;
}

}  // namespace news
