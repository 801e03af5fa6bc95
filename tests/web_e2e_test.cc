/// @file web_e2e_test.cc
/// @brief The search page in headless Chromium: search, click a person facet, histogram and facets follow, URLs share state.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/server_test_util.h"
#include "tests/webdriver.h"

namespace news::testing {
namespace {

/// JavaScript (a function body) that reads a number from the page.
constexpr const char* kTotal = "const t = document.querySelector('#total'); return t ? Number(t.dataset.total) : -1;";

class WebPage : public ::testing::Test {
protected:
    void SetUp() override {
        if (!browser_available()) {
            GTEST_SKIP() << "chromium and chromium-driver are not installed (scripts/install-deps.sh --test)";
        }
        db_ = (dir_.path() / "db").string();
        index_jsonl(dir_, db_, "talks.jsonl", kTalksArticles);
        server_ = std::make_unique<ServerThread>(db_);
        browser_ = std::make_unique<WebDriver>(1280, 900);
    }

    int total() { return browser_->script(kTotal).get<int>(); }
    void wait_total(int n) {
        browser_->wait_for(std::string("return (() => {") + kTotal + "})() === " + std::to_string(n),
                           "a total of " + std::to_string(n));
    }
    std::vector<std::string> hit_ids() {
        return browser_->script("return [...document.querySelectorAll('#results .hit')].map(h => h.dataset.id);")
            .get<std::vector<std::string>>();
    }
    /// value -> count of one facet list on the page
    std::map<std::string, int> facet(const std::string& field) {
        auto j = browser_->script(
            "const out = {}; document.querySelectorAll(`.facet[data-field='${arguments[0]}'] .facet-value`).forEach("
            "li => { out[li.dataset.value] = Number(li.querySelector('.count').textContent || 0); }); return out;",
            {field});
        return j.get<std::map<std::string, int>>();
    }
    std::vector<std::string> bars() {
        return browser_->script("return [...document.querySelectorAll('#histogram .bar')].map(b => b.title);")
            .get<std::vector<std::string>>();
    }

    TempDir dir_;
    std::string db_;
    std::unique_ptr<ServerThread> server_;
    std::unique_ptr<WebDriver> browser_;
};

TEST_F(WebPage, SearchClickAPersonAndEverythingFollows) {
    WebDriver& b = *browser_;
    b.navigate(server_->url() + "/");
    wait_total(4);  // the empty query shows every article

    // Type a query and press Enter.
    b.type(b.find("#q"), "talks\ue007");
    wait_total(3);
    EXPECT_EQ(hit_ids().size(), 3u);
    EXPECT_EQ(b.script("return location.search;"), "?q=talks");
    auto people = facet("person");
    ASSERT_TRUE(people.count("Sergei Ryabkov")) << b.script("return document.querySelector('#facets').innerText;");
    EXPECT_EQ(people["Sergei Ryabkov"], 1);
    EXPECT_EQ(people["Dmitry Peskov"], 2);
    EXPECT_EQ(bars().size(), 2u);  // 2026-01-24 and 2026-01-25
    // Snippets highlight the query word.
    EXPECT_EQ(b.script("return document.querySelectorAll('#results .snippet mark').length > 0;"), true);

    // Click "Sergei Ryabkov" under people: only the article that names him.
    b.click(b.find(".facet[data-field='person'] .facet-value[data-value='Sergei Ryabkov'] label"));
    wait_total(1);
    EXPECT_EQ(hit_ids(), std::vector<std::string>{"reuters-1"});
    // The histogram and the other facets follow the filter...
    ASSERT_EQ(bars().size(), 1u);
    EXPECT_NE(bars()[0].find("2026-01-24: 1 article"), std::string::npos) << bars()[0];
    EXPECT_EQ(facet("source"), (std::map<std::string, int>{{"Reuters", 1}}));
    // ...while the person facet, multi-select, still offers the alternatives.
    EXPECT_EQ(facet("person")["Dmitry Peskov"], 2);
    EXPECT_EQ(b.script("return document.querySelector(\".facet-value[data-value='Sergei Ryabkov'] input\").checked;"), true);
    EXPECT_EQ(b.script("return [...document.querySelectorAll('#active .chip')].map(c => c.dataset.filter);"),
              nlohmann::json::array({"person:Sergei Ryabkov"}));
    b.screenshot(std::filesystem::path(NEWS_BINARY_DIR) / "tests" / "screenshots" / "search-page.png");

    // The state lives in the URL: opening it afresh shows the same page.
    const std::string shared = b.script("return location.href;").get<std::string>();
    EXPECT_NE(shared.find("filter=person%3ASergei+Ryabkov"), std::string::npos) << shared;
    b.navigate(server_->url() + "/");
    wait_total(4);
    b.navigate(shared);
    wait_total(1);
    EXPECT_EQ(hit_ids(), std::vector<std::string>{"reuters-1"});

    // Removing the filter chip, then excluding a person.
    b.click(b.find("#active .chip"));
    wait_total(3);
    b.click(b.find(".facet[data-field='person'] .facet-value[data-value='Donald Trump'] .exclude"));
    wait_total(1);
    EXPECT_EQ(hit_ids(), std::vector<std::string>{"afp-1"});
    // Back in history undoes it.
    b.script("history.back();");
    wait_total(3);
}

TEST_F(WebPage, HistogramBarsFilterByDateAndTheKeyboardWorks) {
    WebDriver& b = *browser_;
    b.navigate(server_->url() + "/?q=talks");
    wait_total(3);
    b.click(b.find("#histogram .bar[data-label='2026-01-25']"));
    wait_total(2);
    EXPECT_EQ(b.script("return new URLSearchParams(location.search).getAll('filter');"),
              nlohmann::json::array({"date:2026-01-25"}));
    // All bars stay (the date field's counts ignore its own filter), the chosen one marked.
    EXPECT_EQ(bars().size(), 2u);
    EXPECT_EQ(b.script("return document.querySelector('#histogram .bar.selected').dataset.label;"), "2026-01-25");

    // By week: the server counts ISO weeks; the bar of week 4 selects its seven days.
    b.navigate(server_->url() + "/?q=talks");
    wait_total(3);
    b.script("const s = document.querySelector('#granularity'); s.value = 'week';"
             "s.dispatchEvent(new Event('change'));");
    b.wait_for("return document.querySelectorAll('#histogram .bar').length === 1", "one bar for the week");
    EXPECT_EQ(b.script("return new URLSearchParams(location.search).get('per');"), "week");
    EXPECT_EQ(bars(), std::vector<std::string>{"week of 2026-01-19: 3 articles"});
    b.click(b.find("#histogram .bar[data-label='week of 2026-01-19']"));
    b.wait_for("return new URLSearchParams(location.search).getAll('filter').length === 1", "the week's filter");
    EXPECT_EQ(b.script("return new URLSearchParams(location.search).getAll('filter');"),
              nlohmann::json::array({"date:2026-01-19..2026-01-25"}));
    wait_total(3);

    // "/" focuses the search box from anywhere on the page.
    b.script("document.activeElement.blur();");
    b.keys("/");
    EXPECT_EQ(b.script("return document.activeElement.id;"), "q");

    // An API error is shown, not swallowed.
    b.navigate(server_->url() + "/?q=date:2026-13-45");
    b.wait_for("return !document.querySelector('#error').hidden;", "an error message");
    EXPECT_NE(b.script("return document.querySelector('#error').textContent;").get<std::string>().find("date"),
              std::string::npos);
}

TEST_F(WebPage, ReadableOnAPhone) {
    WebDriver& b = *browser_;
    b.set_window(390, 844);
    b.navigate(server_->url() + "/?q=talks");
    wait_total(3);
    // Nothing wider than the screen: no sideways scrolling.
    EXPECT_EQ(b.script("return document.documentElement.scrollWidth <= window.innerWidth;"), true)
        << b.script("return [document.documentElement.scrollWidth, window.innerWidth];");
    // The facets are still there, below the results.
    EXPECT_EQ(facet("person")["Sergei Ryabkov"], 1);
    b.screenshot(std::filesystem::path(NEWS_BINARY_DIR) / "tests" / "screenshots" / "search-page-phone.png");
}

}  // namespace
}  // namespace news::testing
