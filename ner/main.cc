/// @file main.cc
/// @brief news-ner: train, evaluate and run the named-entity recogniser.
#include "ner/cli.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    namespace cli = news::ner::cli;
    try {
        const cli::Options options = cli::parse_options(std::vector<std::string>(argv + 1, argv + argc));
        return cli::run(options, std::cout, std::cerr);
    } catch (const cli::UsageError& e) {
        std::cerr << "news-ner: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "news-ner: " << e.what() << "\n";
        return 1;
    }
}
