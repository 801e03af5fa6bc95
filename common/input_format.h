/// @file input_format.h
/// @brief Which parser reads an input, decoding of its bytes, and article identity.
#pragma once

#include <string>
#include <string_view>

#include "common/parse_result.h"

namespace news {

enum class InputFormat { text, json, json_lines, html };
[[nodiscard]] const char* to_string(InputFormat format);

/// The format of an input, by its extension (.txt .md .json .jsonl .ndjson
/// .html .htm .xhtml) and, when that says nothing or disagrees with the
/// content, by sniffing the first bytes ('{' / '[' for JSON, one object per
/// line for JSON Lines, a doctype or <html>/<head>/<body> for HTML).
[[nodiscard]] InputFormat detect_format(std::string_view path, std::string_view content);

/// True when a file with this name is one the indexer reads when it walks a
/// directory (known extension, or no extension at all).
[[nodiscard]] bool is_article_file_name(std::string_view file_name);

/// Parses one input of any format: rejects binary data, decodes the bytes
/// (UTF-8; Latin-1 when the bytes are not UTF-8 at all; ill-formed sequences
/// replaced, with a warning), dispatches to the format's parser and gives every
/// article its identity (see assign_identity).
[[nodiscard]] ParseResult parse_input(std::string_view bytes, const InputRef& input);

/// Article identity: the explicit id, else the URL, else the input path (with
/// "#N" for record N of a JSON or JSON Lines input). For standard input the
/// path is "stdin:" plus a hash of the article's text, so that the same
/// article piped twice is still one document.
void assign_identity(Article& article);

}  // namespace news
