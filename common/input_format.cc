/// @file input_format.cc
/// @brief Format detection, decoding and dispatch to the parsers.
#include "common/input_format.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "common/hash.h"
#include "common/html_parser.h"
#include "common/json_parser.h"
#include "common/text_parser.h"
#include "common/text_util.h"
#include "common/utf8.h"

namespace news {
namespace {

std::string extension_of(std::string_view path) {
    auto slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return text::lower_ascii(name.substr(dot + 1));
}

std::string_view skip_bom_and_space(std::string_view s) {
    if (s.starts_with("\xef\xbb\xbf")) s.remove_prefix(3);
    return text::trim(s);
}

bool sniff_html(std::string_view head) {
    std::string lower = text::lower_ascii(head.substr(0, 1024));
    return lower.starts_with("<!doctype html") || lower.starts_with("<html") ||
           lower.find("<head") != std::string::npos || lower.find("<body") != std::string::npos;
}

/// Several lines that each open and close an object: JSON Lines.
bool sniff_json_lines(std::string_view s) {
    auto lines = text::split_lines(s.substr(0, 65536));
    std::size_t objects = 0;
    for (std::string_view line : lines) {
        line = text::trim(line);
        if (line.empty()) continue;
        if (line.front() != '{') return false;
        if (line.back() == '}') ++objects;
        if (objects >= 2) return true;
    }
    return false;
}

InputFormat sniff(std::string_view content) {
    std::string_view s = skip_bom_and_space(content);
    if (s.starts_with('[')) return InputFormat::json;
    if (s.starts_with('{')) return sniff_json_lines(s) ? InputFormat::json_lines : InputFormat::json;
    if (s.starts_with('<') && sniff_html(s)) return InputFormat::html;
    return InputFormat::text;
}

}  // namespace

const char* to_string(InputFormat format) {
    switch (format) {
        case InputFormat::json: return "json";
        case InputFormat::json_lines: return "jsonl";
        case InputFormat::html: return "html";
        case InputFormat::text: break;
    }
    return "text";
}

bool is_article_file_name(std::string_view file_name) {
    if (file_name.empty() || file_name.front() == '.') return false;
    static constexpr std::array<std::string_view, 10> kKnown = {"txt", "text", "md", "json", "jsonl",
                                                                "ndjson", "html", "htm", "xhtml", "shtml"};
    std::string ext = extension_of(file_name);
    if (ext.empty()) return true;
    return std::find(kKnown.begin(), kKnown.end(), ext) != kKnown.end();
}

InputFormat detect_format(std::string_view path, std::string_view content) {
    std::string ext = extension_of(path);
    if (ext == "jsonl" || ext == "ndjson") return InputFormat::json_lines;
    if (ext == "json") return sniff(content) == InputFormat::json_lines ? InputFormat::json_lines : InputFormat::json;
    if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return InputFormat::html;
    return sniff(content);
}

void assign_identity(Article& article) {
    if (!article.id.empty()) return;
    if (!article.url.empty()) {
        article.id = article.url;
        return;
    }
    std::string base = article.origin_path;
    if (base == "-" || base.empty()) base = "stdin:" + hex64(hash64(article.title + '\n' + article.body));
    if (article.origin_record > 0) base += fmt::format("#{}", article.origin_record);
    article.id = std::move(base);
}

ParseResult parse_input(std::string_view bytes, const InputRef& input) {
    ParseResult result;
    auto fail = [&](std::string message) {
        result.diagnostics.push_back({Diagnostic::Severity::error, input.path, 0, std::move(message)});
        return result;
    };
    if (text::trim(bytes).empty()) return fail("empty input");
    if (utf8::looks_binary(bytes)) return fail("binary data, not an article (NUL or control bytes)");

    std::string decoded;
    std::size_t invalid = utf8::count_invalid(bytes);
    if (invalid == 0) {
        decoded = utf8::sanitize(bytes);
    } else {
        // Not one well-formed multi-byte sequence: a legacy 8-bit file.
        bool any_utf8 = false;
        for (std::size_t i = 0; i + 1 < bytes.size() && !any_utf8; ++i) {
            auto c = static_cast<unsigned char>(bytes[i]);
            auto d = static_cast<unsigned char>(bytes[i + 1]);
            any_utf8 = c >= 0xC2 && c <= 0xF4 && d >= 0x80 && d <= 0xBF;
        }
        if (!any_utf8) {
            decoded = utf8::sanitize(utf8::from_latin1(bytes));
            result.diagnostics.push_back(
                {Diagnostic::Severity::warning, input.path, 0, "not UTF-8; read as Latin-1"});
        } else {
            decoded = utf8::sanitize(bytes);
            result.diagnostics.push_back({Diagnostic::Severity::warning, input.path, 0,
                                          fmt::format("{} invalid UTF-8 sequence(s) replaced", invalid)});
        }
    }
    // NUL and other control characters (beyond the first kilobytes, where
    // they make the input binary) are dropped by sanitize: say so.
    std::size_t controls = static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), [](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' && ch != '\v') || c == 0x7F;
    }));
    if (controls > 0) {
        result.diagnostics.push_back({Diagnostic::Severity::warning, input.path, 0,
                                      fmt::format("{} NUL or control character(s) dropped", controls)});
    }
    std::string_view content = decoded;
    if (content.starts_with("\xef\xbb\xbf")) content.remove_prefix(3);

    ParseResult parsed;
    switch (detect_format(input.path, content)) {
        case InputFormat::json: parsed = parse_json(content, input); break;
        case InputFormat::json_lines: parsed = parse_json_lines(content, input); break;
        case InputFormat::html: parsed = parse_html(content, input); break;
        case InputFormat::text: parsed = parse_text(content, input); break;
    }
    for (auto& a : parsed.articles) {
        a.origin_path = input.identity.empty() ? input.path : input.identity;
        assign_identity(a);
    }
    result.articles = std::move(parsed.articles);
    result.diagnostics.insert(result.diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    return result;
}

}  // namespace news
