/// @file date_tokens.cc
/// @brief The date scanner's tokenizer and its word table.
#include "common/date_tokens.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <unordered_map>

namespace news::date_detail {
namespace {

struct WordInfo {
    W word;
    std::int32_t value;
};

const std::unordered_map<std::string_view, WordInfo>& word_table() {
    static const std::unordered_map<std::string_view, WordInfo> table = [] {
        std::unordered_map<std::string_view, WordInfo> t;
        const auto add = [&t](std::initializer_list<std::string_view> words, W w, int value = 0) {
            for (const auto word : words) t.emplace(word, WordInfo{w, value});
        };
        add({"january", "jan"}, W::month, 1);
        add({"february", "feb"}, W::month, 2);
        add({"march", "mar"}, W::month, 3);
        add({"april", "apr"}, W::month, 4);
        add({"may"}, W::month, 5);
        add({"june", "jun"}, W::month, 6);
        add({"july", "jul"}, W::month, 7);
        add({"august", "aug"}, W::month, 8);
        add({"september", "sep", "sept"}, W::month, 9);
        add({"october", "oct"}, W::month, 10);
        add({"november", "nov"}, W::month, 11);
        add({"december", "dec"}, W::month, 12);
        add({"monday"}, W::weekday, 0);
        add({"tuesday"}, W::weekday, 1);
        add({"wednesday"}, W::weekday, 2);
        add({"thursday"}, W::weekday, 3);
        add({"friday"}, W::weekday, 4);
        add({"saturday"}, W::weekday, 5);
        add({"sunday"}, W::weekday, 6);
        add({"yesterday"}, W::yesterday);
        add({"today"}, W::today);
        add({"tomorrow"}, W::tomorrow);
        add({"tonight"}, W::tonight);
        add({"last"}, W::last);
        add({"next"}, W::next);
        add({"this"}, W::this_);
        add({"coming"}, W::coming);
        add({"earlier"}, W::earlier);
        add({"later"}, W::later);
        add({"ago"}, W::ago);
        add({"in"}, W::in);
        add({"on"}, W::on);
        add({"for"}, W::for_);
        add({"since"}, W::since);
        add({"until"}, W::until);
        add({"till"}, W::till);
        add({"by"}, W::by);
        add({"during"}, W::during);
        add({"from"}, W::from);
        add({"to"}, W::to);
        add({"through", "thru"}, W::through);
        add({"and"}, W::and_);
        add({"or"}, W::or_);
        add({"between"}, W::between);
        add({"of"}, W::of);
        add({"the"}, W::the);
        add({"as"}, W::as);
        add({"before"}, W::before);
        add({"after"}, W::after);
        add({"early"}, W::early);
        add({"late"}, W::late);
        add({"mid"}, W::mid);
        add({"end"}, W::end);
        add({"beginning"}, W::beginning);
        add({"start"}, W::start);
        add({"middle"}, W::middle);
        add({"spring", "summer", "autumn", "fall", "winter"}, W::season);
        add({"half"}, W::half);
        add({"quarter"}, W::quarter);
        add({"rest"}, W::rest);
        add({"fiscal"}, W::fiscal);
        add({"around", "circa"}, W::around);
        add({"morning", "afternoon", "evening", "night"}, W::daypart);
        add({"day", "days"}, W::unit_day);
        add({"week", "weeks"}, W::unit_week);
        add({"month", "months"}, W::unit_month);
        add({"year", "years"}, W::unit_year);
        add({"a", "an", "one"}, W::count, 1);
        add({"two"}, W::count, 2);
        add({"three"}, W::count, 3);
        add({"four"}, W::count, 4);
        add({"five"}, W::count, 5);
        add({"six"}, W::count, 6);
        add({"seven"}, W::count, 7);
        add({"eight"}, W::count, 8);
        add({"nine"}, W::count, 9);
        add({"ten"}, W::count, 10);
        add({"eleven"}, W::count, 11);
        add({"twelve"}, W::count, 12);
        add({"st", "nd", "rd", "th"}, W::ordinal);
        add({"s"}, W::s);
        add({"said", "told"}, W::report);
        add({"was", "were", "had", "did", "met", "made", "took", "gave", "came",
             "went", "saw", "left", "won", "lost", "held", "began", "rose", "fell", "struck", "sold",
             "bought", "spoke", "wrote", "led", "ran", "sent", "became", "broke", "brought", "chose",
             "drew", "drove", "flew", "got", "grew", "knew", "paid", "rode", "sank", "shot", "slept",
             "spent", "stood", "stole", "taught", "thought", "threw", "understood", "woke", "wore",
             "withdrew", "found", "fought", "felt", "kept", "meant", "sought", "tore", "fled",
             "dealt", "lent", "slid", "swept", "overtook", "undertook", "ate", "froze", "hid",
             "forgot", "forgave", "arose", "awoke", "bore", "bent", "bled", "fed", "heard", "laid",
             "lay", "lit", "sped", "spun", "stuck", "stung", "swore", "swung", "wept", "won",
             "wound", "wrung", "built", "burnt", "dreamt", "learnt", "risen", "fallen", "grown",
             "shown", "taken", "given", "seen", "done", "gone", "begun", "written", "spoken",
             "chosen", "driven", "eaten", "frozen", "stolen", "sworn", "torn", "worn", "broken"},
            W::past);
        // Future markers, and present-tense verbs of scheduled events; words that are as
        // often nouns ("the vote on", "housing starts", "returns", "plans") or past tense
        // ("set") are left out.
        add({"will", "ll", "shall", "would", "going", "due", "expected", "scheduled", "slated",
             "planned", "upcoming", "ahead", "forthcoming", "must", "should", "meets", "begins",
             "opens", "holds", "arrives", "resumes", "attends", "expires", "convenes", "gathers",
             "decides", "announces", "publishes", "testifies", "intends", "reopens", "closes",
             "continues", "unveils", "restarts", "meet", "begin", "reopen", "resume", "arrive",
             "convene", "testify", "expire", "decide", "attend", "expects", "expect"},
            W::future);
        add({"be", "being", "been", "is", "are", "am"}, W::passive);
        add({"its", "their", "his", "her", "our", "your", "my", "than", "newly"}, W::determiner);
        add({"he", "she", "it", "they", "we", "i", "who"}, W::pronoun);
        add({"payable", "effective", "starting", "expiring", "maturing", "dated", "deadline", "ends", "ending"},
            W::lean_ahead);
        add({"but", "while", "whereas", "although"}, W::but);
        add({"pct", "percent", "per", "mln", "bln", "billion", "million", "thousand", "trillion",
             "tonnes", "tonne", "tons", "ton", "dlrs", "dlr", "dollars", "cents", "shares", "stg",
             "yen", "marks", "francs", "pounds", "euros", "points", "pts", "barrels", "bpd", "kg",
             "km", "mph", "miles", "feet", "metres", "meters", "people", "times", "hours",
             "minutes", "hrs", "mins", "gmt", "am", "pm", "x", "units", "votes"},
            W::unit);
        add({"good", "black", "cyber", "ash", "holy", "palm", "maundy", "man", "girl", "super"},
            W::holiday);
        add({"mr", "mrs", "ms", "dr", "st", "inc", "corp", "ltd", "co", "jr", "sr", "vs", "gov",
             "sen", "rep", "gen", "prof", "no", "u", "lt", "col", "capt", "sgt", "messrs"},
            W::abbr);
        add({"need", "speed", "seed", "feed", "breed", "bleed", "weed", "deed", "creed", "greed",
             "shed", "bed", "red", "hundred", "indeed", "proceed", "exceed", "succeed", "naked",
             "wicked", "sacred", "kindred", "embed", "ahmed", "mohammed", "muhammed", "reed",
             "steed", "sled", "wed", "fred", "ted", "ned", "bred", "united", "limited",
             "interested", "unlimited", "talented", "assorted", "aged", "beloved", "learned",
             "rugged", "jagged", "ragged", "crooked", "dogged", "wretched"},
            W::plain);
        return t;
    }();
    return table;
}

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

WordInfo classify(std::string_view word) {
    std::array<char, 16> buf{};
    if (word.size() > buf.size()) return {W::none, 0};
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c >= 'A' && c <= 'Z') {
            buf[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            buf[i] = static_cast<char>(c);
        } else {
            return {W::none, 0};
        }
    }
    const std::string_view lower(buf.data(), word.size());
    const auto& table = word_table();
    if (const auto it = table.find(lower); it != table.end()) return it->second;
    if (lower.size() >= 5 && lower.substr(lower.size() - 2) == "ed") return {W::past, 0};
    return {W::none, 0};
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 4);
    const std::size_t n = text.size();
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    bool space = true;
    int newlines = 2;
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = byte(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
            if (c == '\n') ++newlines;
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && byte(i + 1) == 0xA0) {  // no-break space
            space = true;
            i += 2;
            continue;
        }
        Token t;
        t.begin = i;
        t.space_before = space;
        t.break_before = newlines >= 2;
        space = false;
        newlines = 0;
        if (is_digit(c)) {
            std::size_t j = i;
            long value = 0;
            while (j < n && is_digit(byte(j))) {
                if (value < 100000000) value = value * 10 + (byte(j) - '0');
                ++j;
            }
            t.kind = Kind::number;
            t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255));
            t.value = static_cast<std::int32_t>(value);
            t.len = static_cast<std::uint32_t>(std::min<std::size_t>(j - i, UINT32_MAX));
            i = j;
        } else if (c == 0xE2 && i + 2 < n && byte(i + 1) == 0x80 && byte(i + 2) >= 0x90 &&
                   byte(i + 2) <= 0x9F) {
            const unsigned char b = byte(i + 2);
            t.kind = Kind::punct;
            t.punct = b == 0x93 ? 'd' : b == 0x94 ? 'm' : (b == 0x98 || b == 0x99) ? '\'' :
                      (b == 0x90 || b == 0x91) ? '-' : '"';
            t.len = 3;
            i += 3;
        } else if (is_ascii_letter(c) || c >= 0x80) {
            std::size_t j = i;
            bool ascii = true;
            while (j < n) {
                const unsigned char d = byte(j);
                if (is_ascii_letter(d)) {
                    ++j;
                } else if (d >= 0x80) {
                    if (d == 0xC2 && j + 1 < n && byte(j + 1) == 0xA0) break;
                    if (d == 0xE2 && j + 2 < n && byte(j + 1) == 0x80 && byte(j + 2) >= 0x90 &&
                        byte(j + 2) <= 0x9F) {
                        break;
                    }
                    ascii = false;
                    ++j;
                } else {
                    break;
                }
            }
            t.kind = Kind::word;
            t.len = static_cast<std::uint32_t>(std::min<std::size_t>(j - i, UINT32_MAX));
            t.cap = c >= 'A' && c <= 'Z';
            if (ascii && j - i <= 16) {
                const WordInfo info = classify(text.substr(i, j - i));
                t.word = info.word;
                t.value = info.value;
            }
            i = j;
        } else {
            t.kind = Kind::punct;
            t.punct = static_cast<char>(c == '`' ? '\'' : c);
            t.len = 1;
            ++i;
        }
        tokens.push_back(t);
    }
    return tokens;
}

}  // namespace news::date_detail
