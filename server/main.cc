/// @file main.cc
/// @brief news-server: parse options, serve until SIGINT or SIGTERM; map failures to exit statuses.
#include <csignal>
#include <exception>
#include <iostream>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "server/options.h"
#include "server/server.h"

int main(int argc, char** argv) {
    using namespace news;
    using namespace news::server;
    constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2;
    ServerCommandLine cl;
    try {
        cl = parse_server_command_line(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "news-server: " << e.what() << "\nTry 'news-server --help'.\n";
        return kExitUsage;
    }
    if (cl.action == CliAction::help) {
        std::cout << cl.help;
        return kExitOk;
    }
    if (cl.action == CliAction::version) {
        std::cout << "news-server " << version_string() << '\n';
        return kExitOk;
    }

    // Signals are taken by one thread with sigwait; every other thread inherits the block.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    if (cl.access_log) {
        auto mutex = std::make_shared<std::mutex>();
        cl.options.log = [mutex](const std::string& method, const std::string& path, int status) {
            std::lock_guard lock(*mutex);
            std::cerr << fmt::format("{} {} {}\n", method, path, status);
        };
    }
    try {
        Server server(cl.db_path, cl.options);
        const int port = server.bind();
        std::thread watcher([&server, &stop_signals] {
            int signal = 0;
            sigwait(&stop_signals, &signal);
            server.stop();
        });
        std::cout << fmt::format("news-server: serving {} at http://{}:{}/ (Ctrl-C stops)", cl.db_path,
                                 cl.options.host, port)
                  << std::endl;
        server.run();
        // run() returned: a signal stopped it, or the socket failed; wake the watcher either way.
        pthread_kill(watcher.native_handle(), SIGTERM);
        watcher.join();
        return kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "news-server: " << e.what() << '\n';
        return kExitFailure;
    }
}
