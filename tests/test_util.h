/// @file test_util.h
/// @brief Test helpers: a private temporary directory, file writing, running the real executables.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace news::testing {

/// A fresh directory, removed with everything in it when the object dies.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "news-test-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        // make everything removable again (tests chmod files and directories)
        for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::add, ec);
        }
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

    /// Writes @p content to @p name (creating directories), returns the path.
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q.push_back(c);
    }
    return q + "'";
}

/// Runs build/<program> with @p args (and @p stdin_text on standard input),
/// capturing its exit status, standard output and standard error.
inline RunResult run_tool(const std::string& program, const std::vector<std::string>& args,
                          const std::string& stdin_text = "") {
    TempDir io;
    std::string cmd = shell_quote(std::string(NEWS_BINARY_DIR) + "/" + program);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    auto in = io.write("stdin", stdin_text);
    cmd += " < " + shell_quote(in.string()) + " > " + shell_quote((io / "out").string()) + " 2> " +
           shell_quote((io / "err").string());
    int raw = std::system(cmd.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(io / "out");
    r.err = read_file(io / "err");
    return r;
}

}  // namespace news::testing
