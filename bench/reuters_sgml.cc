/// @file reuters_sgml.cc
/// @brief Reuters-21578 SGML reading.
#include "bench/reuters_sgml.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

namespace news::bench {
namespace {

/// Bytes read as Latin-1, returned as UTF-8.
std::string latin1_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 16);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

/// SGML text with &lt; &gt; &amp; decoded and numeric control entities (&#3;) made spaces.
std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const auto semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out += '&';
            continue;
        }
        const std::string_view name = text.substr(i + 1, semi - i - 1);
        if (name == "lt")
            out += '<';
        else if (name == "gt")
            out += '>';
        else if (name == "amp")
            out += '&';
        else if (!name.empty() && name[0] == '#')
            out += ' ';
        else
            out.append(text.substr(i, semi - i + 1));
        i = semi;
    }
    return out;
}

/// The content of the first <tag>...</tag> in @p text; nullopt when absent.
std::optional<std::string_view> element(std::string_view text, std::string_view tag) {
    const std::string open = "<" + std::string(tag);
    const std::string close = "</" + std::string(tag) + ">";
    auto start = text.find(open);
    if (start == std::string_view::npos) return std::nullopt;
    start = text.find('>', start);
    if (start == std::string_view::npos) return std::nullopt;
    ++start;
    const auto end = text.find(close, start);
    if (end == std::string_view::npos) return std::nullopt;
    return text.substr(start, end - start);
}

/// The value of attribute @p name in the opening tag at the start of @p record.
std::string attribute(std::string_view record, std::string_view name) {
    const auto tag_end = record.find('>');
    const std::string key = " " + std::string(name) + "=\"";
    const auto at = record.substr(0, tag_end).find(key);
    if (at == std::string_view::npos) return {};
    const auto start = at + key.size();
    const auto end = record.find('"', start);
    return end == std::string_view::npos ? std::string() : std::string(record.substr(start, end - start));
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<ReutersRecord> read_reuters(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("reut2-", 0) == 0 && entry.path().extension() == ".sgm") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<ReutersRecord> records;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = latin1_to_utf8(buffer.str());
        std::size_t pos = 0;
        while ((pos = text.find("<REUTERS", pos)) != std::string::npos) {
            auto end = text.find("</REUTERS>", pos);
            if (end == std::string::npos) end = text.size();
            const std::string_view record = std::string_view(text).substr(pos, end - pos);
            ReutersRecord r;
            r.file = path.filename().string();
            r.newid = attribute(record, "NEWID");
            if (const auto date = element(record, "DATE")) r.date = std::string(*date);
            if (const auto title = element(record, "TITLE")) r.title = decode_entities(*title);
            if (const auto line = element(record, "DATELINE")) r.dateline = decode_entities(*line);
            if (const auto body = element(record, "BODY")) r.body = decode_entities(*body);
            if (const auto places = element(record, "PLACES")) {
                std::size_t at = 0;
                while (const auto d = element(places->substr(at), "D")) {
                    r.places.emplace_back(*d);
                    at = static_cast<std::size_t>(d->data() + d->size() - places->data()) + 4;  // past "</D>"
                }
            }
            records.push_back(std::move(r));
            pos = end;
        }
    }
    return records;
}

std::string reflow_paragraphs(std::string_view body) {
    std::string out;
    bool paragraph_open = false;
    std::size_t at = 0;
    while (at <= body.size()) {
        std::size_t eol = body.find('\n', at);
        if (eol == std::string_view::npos) eol = body.size();
        const std::string_view raw = body.substr(at, eol - at);
        at = eol + 1;
        const std::string_view line = trim(raw);
        if (line.empty()) {
            paragraph_open = false;
            continue;
        }
        const bool indented = raw.front() == ' ' || raw.front() == '\t';
        if (!out.empty()) out += paragraph_open && !indented ? " " : "\n\n";
        out.append(line);
        paragraph_open = true;
    }
    // The sign-off: "... said. Reuter" (sometimes "REUTER").
    for (const std::string_view sign : {" Reuter", " REUTER", "\n\nReuter", "\n\nREUTER"}) {
        if (out.size() >= sign.size() && out.compare(out.size() - sign.size(), sign.size(), sign) == 0) {
            out.resize(out.size() - sign.size());
            break;
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

}  // namespace news::bench
