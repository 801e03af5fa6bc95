/// @file ner_recognizer_test.cc
/// @brief The Recognizer with the default model (skipped when it is absent), and its errors.
#include "common/ner/recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

namespace news::ner {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(Recognizer, MissingModelThrowsClearError) {
    try {
        const Recognizer r("/nonexistent/dir/ner.model");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/ner.model"), std::string::npos);
    }
}

TEST(Recognizer, DefaultModelPathIsTheInstalledModel) {
    EXPECT_EQ(Recognizer::default_model_path().filename(), "ner-conll2003.model");
}

class DefaultModel : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (std::filesystem::exists(Recognizer::default_model_path())) {
            recognizer_ = new Recognizer(Recognizer::default_model_path());
        }
    }
    static void TearDownTestSuite() {
        delete recognizer_;
        recognizer_ = nullptr;
    }
    void SetUp() override {
        if (recognizer_ == nullptr) GTEST_SKIP() << "no default model at " << Recognizer::default_model_path();
    }
    static Recognizer* recognizer_;
};
Recognizer* DefaultModel::recognizer_ = nullptr;

TEST_F(DefaultModel, GazetteersMatchTheModel) {
    // The model was trained with iso-codes, tzdata, wordnet-base and wamerican installed;
    // without them it still runs, less accurately, and the tests below may fail.
    for (const std::string& w : recognizer_->warnings()) ADD_FAILURE() << w << " (install iso-codes tzdata wordnet-base wamerican)";
}

TEST_F(DefaultModel, NewsParagraph) {
    news::Article a;
    a.title = "Zelenskiy Meets Biden as Allies Weigh New Aid";
    a.body =
        "Key Outcomes\n\n"
        "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskiy met U.S. President Joe Biden at the White House "
        "on Thursday, and Zelenskiy's office said the talks with the European Union (EU) were productive.\n\n"
        "Deputy Foreign Minister Sergei Ryabkov said Russia would respond. The EU said it would consider new "
        "sanctions, while Britain urged calm.\n\n"
        "Back To Top\n\n"
        "Leave a Reply\n";
    a.headings = {"Key Outcomes", "Back To Top", "Leave a Reply"};
    const news::Entities e = recognizer_->extract(a);
    EXPECT_TRUE(contains(e.person, "Volodymyr Zelenskiy"));
    EXPECT_TRUE(contains(e.person, "Joe Biden"));
    EXPECT_TRUE(contains(e.person, "Sergei Ryabkov"));
    EXPECT_FALSE(contains(e.person, "Zelenskiy"));
    EXPECT_FALSE(contains(e.person, "Biden"));
    EXPECT_TRUE(contains(e.org, "European Union"));
    EXPECT_FALSE(contains(e.org, "EU"));
    EXPECT_TRUE(contains(e.place, "United States"));
    EXPECT_TRUE(contains(e.place, "Russia"));
    EXPECT_TRUE(contains(e.place, "United Kingdom"));
    EXPECT_TRUE(contains(e.place, "Kyiv"));
    // No heading junk in any type.
    for (const auto* list : {&e.person, &e.org, &e.place, &e.misc}) {
        for (const std::string& name : *list) {
            for (const char* junk : {"Key", "Outcomes", "Back", "Top", "Leave", "Reply"}) {
                EXPECT_EQ(name.find(junk), std::string::npos) << name;
            }
        }
    }
    // Unique per type, first mention first.
    EXPECT_EQ(e.person.front(), "Volodymyr Zelenskiy");
}

struct HeadingCase {
    std::string text;
};

TEST_F(DefaultModel, TitleCaseHeadingsAreNotEntities) {
    const std::vector<std::string> headings{"Key Outcomes", "Back To Top", "Leave a Reply", "Related Articles",
                                            "Share This Story", "Most Read", "Sign Up For Our Newsletter",
                                            "What Happens Next", "Latest News", "Read More"};
    for (const std::string& h : headings) {
        const std::string text = h + "\n\nThe minister spoke on Tuesday.\n";
        EXPECT_TRUE(recognizer_->mentions(text).empty()) << h;
    }
}

TEST_F(DefaultModel, HeadlineNamesAreCutToNamesFromTheText) {
    news::Article a;
    a.title = "Apple Unveils New iPhone at Cupertino Event";
    a.body = "CUPERTINO, Calif. -- Apple Inc. on Tuesday unveiled its latest iPhone, as Chief Executive Tim Cook "
             "told investors that sales in China had recovered. Cook said Apple would invest in Germany.";
    const news::Entities e = recognizer_->extract(a);
    EXPECT_TRUE(contains(e.org, "Apple"));
    EXPECT_TRUE(contains(e.person, "Tim Cook"));
    EXPECT_FALSE(contains(e.person, "Cook"));
    EXPECT_TRUE(contains(e.place, "Cupertino"));  // the dateline, in capitals
    EXPECT_TRUE(contains(e.place, "China"));
    for (const auto* list : {&e.person, &e.org, &e.place, &e.misc}) {
        for (const std::string& name : *list) EXPECT_EQ(name.find("Unveils"), std::string::npos) << name;
    }
}

TEST_F(DefaultModel, CountriesInsideHyphenatedWords) {
    news::Article a;
    a.title = "CANADA-EGYPT WHEAT NEGOTIATIONS TO CONTINUE";
    a.body = "The U.S.-Japan trade talks resumed on Monday, and a Sweden-based supplier joined them. "
             "Petro-Canada said it was not involved.";
    const news::Entities e = recognizer_->extract(a);
    for (const char* place : {"Canada", "Egypt", "United States", "Japan", "Sweden"}) {
        EXPECT_TRUE(contains(e.place, place)) << place << " in " << ::testing::PrintToString(e.place);
    }
    for (const auto* list : {&e.person, &e.org, &e.place, &e.misc}) {
        EXPECT_FALSE(contains(*list, "U.S.-Japan"));
    }
    // "Petro-Canada" is a company: no place from it (the title gave Canada already, so check the mentions).
    const auto mentions = recognizer_->mentions("Petro-Canada said it was not involved.");
    EXPECT_TRUE(std::none_of(mentions.begin(), mentions.end(), [](const Mention& m) { return m.surface == "Canada"; }));
}

TEST_F(DefaultModel, CountriesInCapitalHeadlines) {
    // Reuters headlines the tagger left untagged or tagged as one span with the next words.
    const std::vector<std::pair<std::string, std::string>> rows{
        {"GREECE ACCUSES TURKEY OF AIR SPACE INFRINGEMENTS", "Türkiye"},
        {"BRAZIL TREASURY TO RELEASE COFFEE BUYING FUNDS", "Brazil"},
        {"U.S. HOUSE SPEAKER SEES ACTION ON FSLIC FUNDING", "United States"},
        {"U.S. TREASURY'S BAKER OPPOSES SECURITIES TAX", "United States"},
    };
    for (const auto& [title, place] : rows) {
        news::Article a;
        a.title = title;
        a.body = "Officials said on Tuesday that the matter would be discussed again next week.";
        const news::Entities e = recognizer_->extract(a);
        EXPECT_TRUE(contains(e.place, place)) << title << ": " << ::testing::PrintToString(e.place);
    }
    // "US" in a headline is as often the pronoun.
    news::Article pronoun;
    pronoun.title = "TELL US WHAT YOU THINK";
    pronoun.body = "Readers wrote to the editor on Tuesday.";
    EXPECT_FALSE(contains(recognizer_->extract(pronoun).place, "United States"));
}

TEST_F(DefaultModel, MentionsCarryOffsets) {
    const std::string text = "Angela Merkel flew to Paris on Monday.";
    const auto m = recognizer_->mentions(text);
    ASSERT_GE(m.size(), 2u);
    EXPECT_EQ(m[0].type, EntityType::person);
    EXPECT_EQ(text.substr(m[0].begin, m[0].end - m[0].begin), "Angela Merkel");
    EXPECT_EQ(m[1].canonical, "Paris");
    EXPECT_EQ(m[1].type, EntityType::place);
}

TEST_F(DefaultModel, OddInputDoesNotCrash) {
    const std::vector<std::string> inputs{"", "\n\n\n", std::string(5000, 'A'), "\xFF\xFE\x00\x01 broken", "....!!!???",
                                          std::string(20000, ' ') + "x"};
    for (const auto& in : inputs) EXPECT_NO_THROW((void)recognizer_->mentions(in));
}

TEST_F(DefaultModel, ExtractIsConstAndThreadSafe) {
    news::Article a;
    a.body = "Apple Inc. opened a store in Berlin, said Tim Cook.";
    const news::Entities expected = recognizer_->extract(a);
    std::vector<std::thread> threads;
    std::vector<int> same(4, 0);
    for (std::size_t t = 0; t < same.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const auto e = recognizer_->extract(a);
                if (e.person == expected.person && e.org == expected.org && e.place == expected.place) ++same[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int s : same) EXPECT_EQ(s, 20);
}

}  // namespace
}  // namespace news::ner
