/// @file main.cc
/// @brief news-search: parse options, search, print; map failures to exit statuses.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "searcher/options.h"
#include "searcher/render.h"
#include "searcher/search.h"

int main(int argc, char** argv) {
    using namespace news;
    constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2;
    SearchCommandLine cl;
    try {
        cl = parse_search_command_line(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "news-search: " << e.what() << "\nTry 'news-search --help'.\n";
        return kExitUsage;
    } catch (const QueryError& e) {
        std::cerr << "news-search: " << e.what() << '\n';
        return kExitUsage;
    }
    if (cl.action == CliAction::help) {
        std::cout << cl.help;
        return kExitOk;
    }
    if (cl.action == CliAction::version) {
        std::cout << "news-search " << version_string() << '\n';
        return kExitOk;
    }
    try {
        Searcher searcher(cl.db_path);
        SearchResponse response = searcher.search(cl.request);
        if (cl.json) {
            std::cout << response_json(response).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            render_text(response, TextStyle{.color = isatty(STDOUT_FILENO) == 1}, std::cout);
        }
        return kExitOk;
    } catch (const QueryError& e) {
        std::cerr << "news-search: " << e.what() << '\n';
        return kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "news-search: " << e.what() << '\n';
        return kExitFailure;
    }
}
