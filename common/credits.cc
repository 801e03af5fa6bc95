/// @file credits.cc
/// @brief Credit lines: "Reporting by ...; Editing by ...", "... contributed to this report.", sign-offs.
#include "common/credits.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "common/text_util.h"

namespace news {
namespace {

/// Longer lines are prose, not credits.
constexpr std::size_t kMaxLineBytes = 400;
/// A name has at most this many words.
constexpr std::size_t kMaxNameWords = 5;

struct Role {
    std::string_view phrase;  ///< lower case, followed by " by "
    bool writer;              ///< the credited people wrote the story
};
// Longer phrases first: "additional reporting" before "reporting".
constexpr std::array<Role, 17> kRoles = {{{"additional reporting", true},
                                          {"additional writing", true},
                                          {"reporting", true},
                                          {"reported", true},
                                          {"writing", true},
                                          {"written", true},
                                          {"compiled", true},
                                          {"editing", false},
                                          {"edited", false},
                                          {"research", false},
                                          {"graphics", false},
                                          {"production", false},
                                          {"photography", false},
                                          {"photos", false},
                                          {"video", false},
                                          {"translation", false},
                                          {"fact-checking", false}}};

/// Endings of a contributors' line (lower case, after trailing ".", ")" are cut).
constexpr std::array<std::string_view, 6> kContributed = {
    " contributed reporting to this report", " contributed to this report", " contributed to this story",
    " contributed to this article",          " contributed reporting",      " contributed"};

/// Job words before the names of a contributors' line: "Associated Press writers A and B".
constexpr std::array<std::string_view, 12> kJobWords = {
    "writer",      "writers",      "reporter",   "reporters",   "correspondent", "correspondents",
    "journalist",  "journalists",  "staff",      "photographer", "photographers", "producer"};

/// Name particles that may stay lower case: "Ursula von der Leyen".
constexpr std::array<std::string_view, 14> kParticles = {"de", "da", "van", "von", "der", "den", "al",
                                                        "el", "bin", "la", "le", "di", "du", "dos"};

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// "Tom Balmforth in Kyiv" -> "Tom Balmforth"; trailing punctuation dropped.
std::string_view strip_location(std::string_view name) {
    for (std::string_view sep : {" in ", " at ", " from "}) {
        if (auto at = name.find(sep); at != std::string_view::npos) name = name.substr(0, at);
    }
    while (!name.empty() && (name.back() == '.' || name.back() == ')' || name.back() == ',')) name.remove_suffix(1);
    return text::trim(name);
}

/// Capitalised words (or particles), at most kMaxNameWords.
bool name_shaped(std::string_view name) {
    auto words = text::words(name);
    if (words.empty() || words.size() > kMaxNameWords) return false;
    bool capital = false;
    for (std::string_view w : words) {
        auto c = static_cast<unsigned char>(w.front());
        if (std::isupper(c) || c >= 0x80) {
            capital = true;
            continue;
        }
        std::string lower = text::lower_ascii(w);
        if (std::find(kParticles.begin(), kParticles.end(), lower) == kParticles.end()) return false;
    }
    return capital;
}

/// The names of @p s ("A, B and C in Kyiv"); empty when one is not name-shaped.
std::vector<std::string> names_of(std::string_view s) {
    std::vector<std::string> out;
    for (const std::string& raw : text::split_names(s)) {
        std::string_view n = strip_location(raw);
        if (!name_shaped(n)) return {};
        out.emplace_back(n);
    }
    return out;
}

/// A role phrase followed by " by " at @p at of @p low, or nullptr.
const Role* role_at(std::string_view low, std::size_t at) {
    for (const Role& r : kRoles) {
        if (low.compare(at, r.phrase.size(), r.phrase) == 0 && low.compare(at + r.phrase.size(), 4, " by ") == 0) {
            return &r;
        }
    }
    return nullptr;
}

/// "Reporting by A in Kyiv; Additional reporting by B, writing by C and editing by D".
bool parse_roles(std::string_view line, std::string_view low, CreditLine& credit) {
    CreditLine out;  // given to credit only when the whole line parses
    struct Start {
        std::size_t at;
        const Role* role;
    };
    std::vector<Start> starts;
    for (std::size_t i = 0; i < low.size(); ++i) {
        if (i > 0 && is_alpha(low[i - 1])) continue;  // a word start
        const Role* r = role_at(low, i);
        if (!r) continue;
        // At the start, or after a separator: ";", ",", ".", "and".
        std::string_view before = text::trim(low.substr(0, i));
        bool separated = before.empty() || before.back() == ';' || before.back() == ',' || before.back() == '.' ||
                         before.ends_with(" and") || before == "and";
        if (!separated) continue;
        if (starts.empty() && !before.empty()) return false;  // the line must open with a role
        starts.push_back({i, r});
        i += r->phrase.size();
    }
    if (starts.empty()) return false;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        std::size_t from = starts[k].at + starts[k].role->phrase.size() + 4;
        std::size_t to = k + 1 < starts.size() ? starts[k + 1].at : line.size();
        std::string_view names = text::trim(line.substr(from, to - from));
        // the separator before the next role
        while (!names.empty() && (names.back() == ';' || names.back() == ',' || names.back() == '.')) {
            names.remove_suffix(1);
        }
        if (text::lower_ascii(names).ends_with(" and")) names.remove_suffix(4);
        std::vector<std::string> people = names_of(names);
        if (people.empty()) return false;
        auto& list = starts[k].role->writer ? out.writers : out.others;
        list.insert(list.end(), people.begin(), people.end());
    }
    credit = std::move(out);
    return true;
}

/// "Associated Press writers A in London and B contributed to this report."
bool parse_contributed(std::string_view line, std::string_view low, CreditLine& out) {
    for (std::string_view end : kContributed) {
        if (!low.ends_with(end)) continue;
        std::string_view names = line.substr(0, line.size() - end.size());
        std::string_view names_low = low.substr(0, names.size());
        // Drop a lead-in that ends with a job word.
        std::size_t cut = 0;
        for (std::string_view job : kJobWords) {
            for (std::size_t at = names_low.find(job); at != std::string_view::npos; at = names_low.find(job, at + 1)) {
                bool word = (at == 0 || names_low[at - 1] == ' ') && at + job.size() < names_low.size() &&
                            names_low[at + job.size()] == ' ';
                if (word) cut = std::max(cut, at + job.size() + 1);
            }
        }
        std::vector<std::string> people = names_of(names.substr(cut));
        if (people.empty()) return false;
        out.writers = std::move(people);
        return true;
    }
    return false;
}

/// Whether a line after @p previous (trimmed; empty for none or a blank
/// line) starts a sentence.
bool starts_sentence(std::string_view previous) {
    if (previous.empty()) return true;
    char c = previous.back();
    return c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':';
}

/// Cheap test before the parsers: the line opens with a role or ends with "contributed ...".
bool might_be_credits(std::string_view line) {
    std::string head = text::lower_ascii(line.substr(0, 32));
    if (role_at(head, 0)) return true;
    std::string tail = text::lower_ascii(line.substr(line.size() - std::min<std::size_t>(line.size(), 48)));
    return tail.find(" contributed") != std::string::npos;
}

}  // namespace

bool is_sign_off(std::string_view line) {
    auto mark = [](char c) { return c == '-' || c == '(' || c == ')' || c == '.' || c == '*' || c == ':'; };
    auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    };
    std::size_t lettered = 0;
    for (std::string_view w : text::words(line)) {
        if (w == "\xE2\x80\x94" || w == "\xE2\x80\x93") continue;  // an em or en dash
        std::size_t b = 0, e = w.size();
        while (b < e && mark(w[b])) ++b;
        while (e > b && mark(w[e - 1])) --e;
        if (b == e) continue;  // "--"
        if (++lettered > 1 || e - b < 2) return false;
        if (!std::all_of(w.begin() + static_cast<std::ptrdiff_t>(b), w.begin() + static_cast<std::ptrdiff_t>(e), letter)) {
            return false;
        }
    }
    return lettered == 1;
}

std::vector<CreditLine> find_credit_lines(std::string_view text) {
    std::vector<CreditLine> out;
    std::string_view previous;           // the line before, trimmed
    std::string_view last, before_last;  // the last two lines with text, for the sign-off
    for (std::string_view raw : text::split_lines(text)) {
        std::string_view line = text::trim(raw);
        if (!line.empty()) {
            before_last = last;
            last = line;
        }
        if (!line.empty() && line.size() <= kMaxLineBytes) {
            // "(Reporting by ...)" and a final full stop.
            std::string_view inner = line;
            if (inner.front() == '(') inner.remove_prefix(1);
            while (!inner.empty() && (inner.back() == '.' || inner.back() == ')')) inner.remove_suffix(1);
            inner = text::trim(inner);
            CreditLine credit;
            bool found = false;
            if (!inner.empty() && might_be_credits(inner)) {
                std::string low = text::lower_ascii(inner);
                // "... contributed" ends a sentence that starts the line: in
                // hard-wrapped text a line can end "... Association contributed".
                bool sentence = line.back() == '.' && starts_sentence(previous);
                found = parse_roles(inner, low, credit) || (sentence && parse_contributed(inner, low, credit));
            }
            if (found) {
                credit.begin = static_cast<std::size_t>(line.data() - text.data());
                credit.end = credit.begin + line.size();
                out.push_back(std::move(credit));
            }
        }
        previous = line;
    }
    // The sign-off: the text's last line, after others, when it is one word.
    if (!before_last.empty() && is_sign_off(last)) {
        CreditLine sign_off;
        sign_off.begin = static_cast<std::size_t>(last.data() - text.data());
        sign_off.end = sign_off.begin + last.size();
        out.push_back(std::move(sign_off));
    }
    return out;
}

}  // namespace news
