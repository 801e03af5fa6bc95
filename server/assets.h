/// @file assets.h
/// @brief The search page's files, compiled into news-server (generated from server/web/).
#pragma once

#include <string_view>
#include <vector>

namespace news::server {

/// One file of the page, served at a fixed URL path.
struct Asset {
    std::string_view path;          ///< "/", "/app.js", ...
    std::string_view content_type;  ///< "text/html; charset=utf-8", ...
    std::string_view body;
};

/// Every file of the page (the only files the server serves).
[[nodiscard]] const std::vector<Asset>& assets();

}  // namespace news::server
