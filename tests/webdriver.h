/// @file webdriver.h
/// @brief A small W3C WebDriver client (chromedriver + headless Chromium) for the search page's end-to-end test.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace news::testing {

/// Where Debian's chromium and chromium-driver put the browser and the driver.
inline constexpr const char* kChromium = "/usr/bin/chromium";
inline constexpr const char* kChromeDriver = "/usr/bin/chromedriver";

/// Whether the browser and its driver are installed (scripts/install-deps.sh --test).
inline bool browser_available() {
    return std::filesystem::exists(kChromium) && std::filesystem::exists(kChromeDriver);
}

/// Standard base64 (as WebDriver sends screenshots) to bytes.
inline std::string base64_decode(const std::string& in) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        int v = c >= 'A' && c <= 'Z' ? c - 'A'
              : c >= 'a' && c <= 'z' ? c - 'a' + 26
              : c >= '0' && c <= '9' ? c - '0' + 52
              : c == '+' ? 62 : c == '/' ? 63 : -1;
        if (v < 0) continue;  // padding, line breaks
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xffu));
        }
    }
    return out;
}

/// A port nobody listens on right now.
inline int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        close(fd);
        throw std::runtime_error("no free port");
    }
    close(fd);
    return ntohs(addr.sin_port);
}

/// One headless Chromium session driven through chromedriver.
class WebDriver {
public:
    WebDriver(int width, int height) : port_(free_port()), http_("127.0.0.1", port_) {
        driver_ = fork();
        if (driver_ < 0) throw std::runtime_error("fork failed");
        if (driver_ == 0) {
            // The driver and its browsers must not outlive the test or keep its output
            // open: if the test dies (a sanitizer abort), ctest would wait on them.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            int null = open("/dev/null", O_RDWR);
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            const std::string port_arg = "--port=" + std::to_string(port_);
            execl(kChromeDriver, kChromeDriver, port_arg.c_str(), "--silent", static_cast<char*>(nullptr));
            _exit(127);
        }
        http_.set_read_timeout(60, 0);
        for (int i = 0;; ++i) {
            auto status = http_.Get("/status");
            if (status && status->status == 200 && nlohmann::json::parse(status->body)["value"]["ready"] == true) break;
            if (i > 200) throw std::runtime_error("chromedriver did not start");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        const std::string size = "--window-size=" + std::to_string(width) + "," + std::to_string(height);
        nlohmann::json caps = {
            {"capabilities",
             {{"alwaysMatch",
               {{"browserName", "chrome"},
                {"goog:chromeOptions",
                 {{"binary", kChromium},
                  {"args", {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--no-first-run", "--disable-extensions", size}}}}}}}}};
        session_ = call("POST", "/session", caps)["sessionId"].get<std::string>();
    }

    ~WebDriver() {
        try {
            if (!session_.empty()) call("DELETE", "/session/" + session_, nullptr);
        } catch (...) {
        }
        kill(driver_, SIGTERM);
        waitpid(driver_, nullptr, 0);
    }
    WebDriver(const WebDriver&) = delete;
    WebDriver& operator=(const WebDriver&) = delete;

    void navigate(const std::string& url) { session("POST", "/url", {{"url", url}}); }

    /// The element matching CSS @p selector; throws when there is none.
    std::string find(const std::string& selector) {
        auto v = session("POST", "/element", {{"using", "css selector"}, {"value", selector}});
        return v.begin().value().get<std::string>();
    }
    void click(const std::string& element) { session("POST", "/element/" + element + "/click", nlohmann::json::object()); }
    /// Types @p text (WebDriver key codes allowed: "\ue007" is Enter).
    void type(const std::string& element, const std::string& text) {
        session("POST", "/element/" + element + "/value", {{"text", text}});
    }
    /// Runs @p script (a function body; `arguments` holds @p args) in the page, returns its value.
    nlohmann::json script(const std::string& script, nlohmann::json args = nlohmann::json::array()) {
        return session("POST", "/execute/sync", {{"script", script}, {"args", std::move(args)}});
    }
    /// Polls @p script until it returns true; throws with @p what after @p timeout.
    void wait_for(const std::string& script_text, const std::string& what,
                  std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (script(script_text) != true) {
            if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("timed out waiting for " + what);
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    }
    /// Presses keys with no element in focus in particular (on the active element).
    void keys(const std::string& text) {
        nlohmann::json actions = nlohmann::json::array();
        for (char c : text) {
            actions.push_back({{"type", "keyDown"}, {"value", std::string(1, c)}});
            actions.push_back({{"type", "keyUp"}, {"value", std::string(1, c)}});
        }
        session("POST", "/actions", {{"actions", {{{"type", "key"}, {"id", "keyboard"}, {"actions", actions}}}}});
    }
    void set_window(int width, int height) { session("POST", "/window/rect", {{"width", width}, {"height", height}}); }
    /// Saves a PNG screenshot of the window to @p path.
    void screenshot(const std::filesystem::path& path) {
        const std::string png = base64_decode(session("GET", "/screenshot", nullptr).get<std::string>());
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << png;
    }

private:
    nlohmann::json session(const std::string& method, const std::string& path, const nlohmann::json& body) {
        return call(method, "/session/" + session_ + path, body);
    }
    nlohmann::json call(const std::string& method, const std::string& path, const nlohmann::json& body) {
        httplib::Result res = method == "GET"      ? http_.Get(path)
                              : method == "DELETE" ? http_.Delete(path)
                                                   : http_.Post(path, body.dump(), "application/json");
        if (!res) throw std::runtime_error("WebDriver " + method + " " + path + ": no answer");
        auto j = nlohmann::json::parse(res->body, nullptr, false);
        if (res->status != 200) {
            throw std::runtime_error("WebDriver " + method + " " + path + ": " + std::to_string(res->status) + " " +
                                     (j.is_object() && j.contains("value") ? j["value"].dump() : res->body));
        }
        return j["value"];
    }

    int port_;
    httplib::Client http_;
    pid_t driver_ = -1;
    std::string session_;
};

}  // namespace news::testing
