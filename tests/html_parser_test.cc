/// @file html_parser_test.cc
/// @brief Saved news pages: metadata, JSON-LD, article text without page furniture, hostile markup.
#include "common/html_parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace news {
namespace {

const InputRef kInput{"page.html", ""};

std::string all_messages(const ParseResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// A news page as saved from a browser: site header and menu, share bar,
/// the article, a related-links aside, comments, a newsletter box, a footer,
/// scripts, styles and JSON-LD.
const char* const kNewsPage = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council Approves New Budget | The Daily Planet</title>
  <meta property="og:title" content="Council approves new budget after long debate">
  <meta property="og:site_name" content="The Daily Planet">
  <meta property="og:url" content="https://dailyplanet.example/politics/budget?utm=x">
  <meta property="article:published_time" content="2026-02-01T09:30:00+04:00">
  <meta name="author" content="Lois Lane and Jimmy Olsen">
  <link rel="canonical" href="https://dailyplanet.example/politics/budget">
  <style>.share-bar { display: flex; } body { font: 12px serif; }</style>
  <script>window.dataLayer = [{"page": "article"}]; function track() { return "TRACKING CODE"; }</script>
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@type": "NewsArticle",
   "headline": "Council approves new budget",
   "datePublished": "2026-02-01T09:30:00+04:00",
   "author": [{"@type": "Person", "name": "Lois Lane"}],
   "publisher": {"@type": "Organization", "name": "The Daily Planet"}}
  </script>
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
  <header class="site-header">
    <a href="/" class="logo"><h1>The Daily Planet</h1></a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/politics">Politics</a></div>
  <main>
    <article class="story">
      <header>
        <h1>Council approves new budget after long debate</h1>
        <p class="byline">By <a rel="author" href="/staff/lois">Lois Lane</a></p>
        <time datetime="2026-02-01T09:30:00+04:00">1 February 2026</time>
      </header>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a> <button>Copy link</button></div>
      <figure class="header-image"><img src="council.jpg" alt="The council chamber"><figcaption>The council chamber on Monday.</figcaption></figure>
      <div class="article-body">
        <p>The city council approved a <strong>$4.2 billion</strong> budget on Sunday
           after a debate that lasted   eleven hours.</p>
        <p>Mayor Perry White said the plan would &ldquo;keep the city moving&rdquo; &amp; protect jobs.</p>
        <div class="ad-slot advert">ADVERTISEMENT Buy now and save</div>
        <h2>What changes for residents</h2>
        <p>Bus fares will stay frozen until 2027.<br>Parking fees will rise by ten percent.</p>
        <ul><li>More street lights</li><li>Two new libraries</li></ul>
        <aside class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Mayor faces questions over spending</a></li></ul></aside>
        <h3>Opposition response</h3>
        <p>Council member Cat Grant called the vote rushed.</p>
        <div class="newsletter-signup"><p>Sign up for our morning newsletter</p><form><input type="email"><button>Subscribe</button></form></div>
      </div>
    </article>
    <section id="comments" class="comments-area">
      <h2>3 Comments</h2>
      <div class="comment"><span class="comment-author">Bruce W.</span><p>This budget is a disgrace, I tell you.</p></div>
    </section>
  </main>
  <aside class="sidebar">
    <h2>Most read</h2>
    <article class="teaser"><h3><a href="/b">Sports team wins championship in overtime thriller</a></h3><time datetime="2025-12-24">Dec 24</time></article>
  </aside>
  <footer class="site-footer"><p>Copyright 2026 The Daily Planet. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
  <script>document.write("SCRIPT OUTPUT");</script>
  <noscript>Please enable JavaScript</noscript>
</body>
</html>
)";

TEST(Html, NewsPage) {
    ParseResult r = parse_html(kNewsPage, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
    const Article& a = r.articles[0];

    EXPECT_EQ(a.title, "Council approves new budget after long debate");
    EXPECT_FALSE(a.title_derived);
    ASSERT_TRUE(a.date);
    EXPECT_EQ(a.date->iso(), "2026-02-01");
    EXPECT_EQ(a.date_origin, DateOrigin::metadata);
    EXPECT_EQ(a.date_raw, "2026-02-01T09:30:00+04:00");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Lois Lane", "Jimmy Olsen"}));
    EXPECT_EQ(a.source, "The Daily Planet");
    EXPECT_EQ(a.url, "https://dailyplanet.example/politics/budget");
    EXPECT_TRUE(a.id.empty());
    EXPECT_EQ(a.origin_path, "page.html");
    EXPECT_EQ(a.origin_record, 0u);

    EXPECT_EQ(a.body,
              "The council chamber on Monday.\n\n"
              "The city council approved a $4.2 billion budget on Sunday after a debate that lasted eleven hours.\n\n"
              "Mayor Perry White said the plan would \xe2\x80\x9c" "keep the city moving\xe2\x80\x9d & protect jobs.\n\n"
              "What changes for residents\n\n"
              "Bus fares will stay frozen until 2027.\n\n"
              "Parking fees will rise by ten percent.\n\n"
              "More street lights\n\n"
              "Two new libraries\n\n"
              "Opposition response\n\n"
              "Council member Cat Grant called the vote rushed.");
    EXPECT_EQ(a.headings, (std::vector<std::string>{"What changes for residents", "Opposition response"}));

    for (const char* furniture :
         {"cookies", "World", "Politics", "Home", "Share", "Tweet", "Copy link", "ADVERTISEMENT", "Related stories",
          "Mayor faces questions", "newsletter", "Subscribe", "Comments", "disgrace", "Bruce", "Most read",
          "championship", "Copyright", "Privacy", "TRACKING", "SCRIPT OUTPUT", "JavaScript", "display: flex",
          "By Lois", "1 February 2026", "Daily Planet"}) {
        EXPECT_FALSE(contains(a.body, furniture)) << "body contains \"" << furniture << "\"";
    }
}

/// The markup a WordPress theme (Twenty Seventeen style) gives a post, with
/// Jetpack sharing and related posts and taxonomy classes on the article.
const char* const kWordPressPost = R"(<!DOCTYPE html><html><head><title>Social media ban proposed &#8211; Town Crier</title>
<meta property="og:site_name" content="Town Crier"></head>
<body class="post-template-default single single-post postid-12 has-sidebar">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Town Crier</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="top-menu" class="menu"><li><a href="/news">News</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post status-publish format-standard hentry category-social tag-comments tag-social-media">
<header class="entry-header"><div class="entry-meta"><span class="posted-on"><a href="/p/12"><time class="entry-date published" datetime="2026-01-15T08:00:00+00:00">January 15, 2026</time></a></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/ed">Ed Stone</a></span></span></div>
<h1 class="entry-title">Social media ban proposed</h1></header>
<div class="entry-content"><p>The town council proposed banning social media in the library.</p>
<p>Members will vote next month.</p>
<div class="sharedaddy sd-sharing-enabled"><div class="sd-block sd-social"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li></ul></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div></div>
<footer class="entry-footer"><span class="cat-links">Posted in Social</span><span class="tags-links">Tagged comments</span></footer>
</article>
<nav class="navigation post-navigation"><a href="/p/11">Previous post</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">One thought</h2><ol class="comment-list"><li><p>Great idea!</p></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3></div></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2></section></aside></div>
<footer id="colophon" class="site-footer"><p>Proudly powered by WordPress</p></footer></div></body></html>)";

TEST(Html, WordPressPost) {
    ParseResult r = parse_html(kWordPressPost, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    const Article& a = r.articles[0];
    EXPECT_EQ(a.title, "Social media ban proposed");
    EXPECT_EQ(a.body, "The town council proposed banning social media in the library.\n\nMembers will vote next month.");
    EXPECT_TRUE(a.headings.empty());
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Ed Stone"}));
    ASSERT_TRUE(a.date);
    EXPECT_EQ(a.date->iso(), "2026-01-15");
    EXPECT_EQ(a.source, "Town Crier");
}

struct TitleCase {
    std::string name;
    std::string html;
    std::string title;
    bool derived;
};

void PrintTo(const TitleCase& c, std::ostream* os) { *os << c.name; }

class HtmlTitle : public ::testing::TestWithParam<TitleCase> {};

TEST_P(HtmlTitle, Precedence) {
    ParseResult r = parse_html(GetParam().html, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, GetParam().title);
    EXPECT_EQ(r.articles[0].title_derived, GetParam().derived);
}

const std::string kBody = "<p>Rain fell across the north on Tuesday. Rivers rose.</p>";

INSTANTIATE_TEST_SUITE_P(
    Table, HtmlTitle,
    ::testing::Values(
        TitleCase{"og_title_first",
                  "<title>Page title</title><meta property='og:title' content='OG title'><article><h1>H1 title</h1>" +
                      kBody + "</article>",
                  "OG title", false},
        TitleCase{"h1_before_title", "<title>Page title</title><article><h1>H1 title</h1>" + kBody + "</article>",
                  "H1 title", false},
        TitleCase{"h1_in_main", "<title>Page title</title><main><h1>Main <em>title</em></h1>" + kBody + "</main>",
                  "Main title", false},
        TitleCase{"logo_h1_is_not_the_title",
                  "<title>Storm floods valley | Valley News</title><header><h1>Valley News</h1></header><article>" + kBody +
                      "</article>",
                  "Storm floods valley | Valley News", false},
        TitleCase{"site_suffix_by_og_site_name",
                  "<title>Storm floods valley | Valley News</title><meta property='og:site_name' content='Valley News'>" +
                      kBody,
                  "Storm floods valley", false},
        TitleCase{"site_suffix_by_host",
                  "<title>Storm floods valley - BBC News</title><link rel='canonical' href='https://www.bbc.co.uk/news/1'>" +
                      kBody,
                  "Storm floods valley", false},
        TitleCase{"unrelated_suffix_kept",
                  "<title>Storm floods valley - what we know</title><meta property='og:site_name' content='Valley News'>" +
                      kBody,
                  "Storm floods valley - what we know", false},
        TitleCase{"site_prefix", "<title>Valley News | Storm floods valley</title><meta property='og:site_name' content='Valley News'>" + kBody,
                  "Storm floods valley", false},
        TitleCase{"json_ld_headline",
                  R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script>)" + kBody,
                  "LD headline", false},
        TitleCase{"derived", kBody, "Rain fell across the north on Tuesday", true}),
    [](const auto& row) { return row.param.name; });

TEST(Html, TitleIsNotRepeatedInTheBody) {
    ParseResult r = parse_html("<title>Budget passes</title><article><h1>Budget passes</h1><p>The budget passed.</p></article>", kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].title, "Budget passes");
    EXPECT_EQ(r.articles[0].body, "The budget passed.");
}

struct DateCase {
    std::string name;
    std::string html;
    std::string iso;
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.name; }

class HtmlDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(HtmlDate, IsFound) {
    ParseResult r = parse_html(GetParam().html + kBody, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    ASSERT_TRUE(r.articles[0].date) << GetParam().html;
    EXPECT_EQ(r.articles[0].date->iso(), GetParam().iso);
    EXPECT_EQ(r.articles[0].date_origin, DateOrigin::metadata);
}

INSTANTIATE_TEST_SUITE_P(
    Table, HtmlDate,
    ::testing::Values(
        DateCase{"published_time", "<meta property='article:published_time' content='2026-02-01T10:00:00Z'>", "2026-02-01"},
        DateCase{"meta_date", "<meta name='date' content='2026-02-02'>", "2026-02-02"},
        DateCase{"pubdate", "<meta name='pubdate' content='2026-02-03'>", "2026-02-03"},
        DateCase{"dc_date", "<meta name='DC.date' content='2026-02-04'>", "2026-02-04"},
        DateCase{"parsely", "<meta name='parsely-pub-date' content='2026-02-05T08:00:00Z'>", "2026-02-05"},
        DateCase{"itemprop", "<meta itemprop='datePublished' content='2026-02-06'>", "2026-02-06"},
        DateCase{"time_element", "<article><time datetime='2026-02-07T12:00'>Saturday</time></article>", "2026-02-07"},
        DateCase{"time_in_article_first",
                 "<aside><time datetime='2025-01-01'>old</time></aside><div><time datetime='2025-06-01'>x</time></div>"
                 "<article><time datetime='2026-02-08'>now</time><p>The story itself, long enough to be the content.</p></article>",
                 "2026-02-08"},
        DateCase{"json_ld_graph",
                 R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},)"
                 R"({"@type":["Article","NewsArticle"],"datePublished":"2026-02-09T07:00:00Z"}]}</script>)",
                 "2026-02-09"},
        DateCase{"json_ld_array",
                 R"(<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","datePublished":"2026-02-10"}]</script>)",
                 "2026-02-10"},
        DateCase{"bad_meta_then_time",
                 "<meta property='article:published_time' content='soon'><article><time datetime='2026-02-11'>x</time></article>",
                 "2026-02-11"}),
    [](const auto& row) { return row.param.name; });

TEST(Html, UnreadableDateIsAWarning) {
    ParseResult r = parse_html("<meta property='article:published_time' content='sometime soon'>" + kBody, kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_FALSE(r.articles[0].date);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].severity, Diagnostic::Severity::warning);
    EXPECT_TRUE(contains(r.diagnostics[0].message, "sometime soon"));
}

TEST(Html, JsonLdAuthorsPublisherAndReferences) {
    const std::string page = R"(<script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[
        {"@type":"Organization","@id":"#org","name":"Coast &amp; Country"},
        {"@type":"Person","@id":"#p1","name":"Ann Lee"},
        {"@type":"NewsArticle","headline":"H","author":[{"@id":"#p1"},{"@type":"Person","name":"Bo Kim"}],
         "publisher":{"@id":"#org"},"datePublished":"2026-03-01"}]}
      </script>
      <script type="application/ld+json">{ this is not json </script>)" +
                             kBody;
    ParseResult r = parse_html(page, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].authors, (std::vector<std::string>{"Ann Lee", "Bo Kim"}));
    EXPECT_EQ(r.articles[0].source, "Coast & Country");
}

struct AuthorCase {
    std::string name;
    std::string html;
    std::vector<std::string> authors;
};

void PrintTo(const AuthorCase& c, std::ostream* os) { *os << c.name; }

class HtmlAuthors : public ::testing::TestWithParam<AuthorCase> {};

TEST_P(HtmlAuthors, AreFound) {
    ParseResult r = parse_html(GetParam().html, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].authors, GetParam().authors);
}

INSTANTIATE_TEST_SUITE_P(
    Table, HtmlAuthors,
    ::testing::Values(
        AuthorCase{"meta_author", "<meta name='author' content='Ann Lee, Bo Kim'>" + kBody, {"Ann Lee", "Bo Kim"}},
        AuthorCase{"article_author_url_skipped",
                   "<meta property='article:author' content='https://facebook.com/annlee'>"
                   "<meta property='article:author' content='Ann Lee'>" + kBody,
                   {"Ann Lee"}},
        AuthorCase{"json_ld_string", R"(<script type="application/ld+json">{"@type":"NewsArticle","author":"Ann Lee"}</script>)" + kBody,
                   {"Ann Lee"}},
        AuthorCase{"rel_author", "<article><a rel='author' href='/ann'>Ann Lee</a>" + kBody + "</article>", {"Ann Lee"}},
        AuthorCase{"byline_class", "<article><div class='article-byline'>By Ann Lee and Bo Kim | March 1, 2026</div>" + kBody + "</article>",
                   {"Ann Lee", "Bo Kim"}},
        AuthorCase{"comment_author_ignored",
                   "<article>" + kBody + "</article><div id='comments'><span class='author'>Troll Person</span><p>Hi</p></div>",
                   {}},
        AuthorCase{"site_as_author_ignored",
                   "<meta property='og:site_name' content='Valley News'><meta name='author' content='Valley News'>" + kBody,
                   {}}),
    [](const auto& row) { return row.param.name; });

TEST(Html, CanonicalUrl) {
    ParseResult r = parse_html("<meta property='og:url' content='https://x.example/a'>" + kBody, kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].url, "https://x.example/a");
    r = parse_html("<link rel='canonical' href='/a'><meta property='og:url' content='https://x.example/a'>" + kBody, kInput);
    EXPECT_EQ(r.articles[0].url, "https://x.example/a");  // absolute og:url over a relative canonical link
    r = parse_html(kBody, kInput);
    EXPECT_EQ(r.articles[0].url, "");
}

TEST(Html, ClassTokensAreWholeWords) {
    const std::string page =
        "<article>"
        "<div class='header-image'><p>Photo caption kept.</p></div>"
        "<div class='shareholders'><p>Shareholders met on Friday.</p></div>"
        "<div class='address'><p>The address was given downtown.</p></div>"
        "<div class='c-share__buttons'><p>Share this</p></div>"
        "<div class='relatedStories'><p>Related thing</p></div>"
        "<div class='sr-only'><p>Screen reader label</p></div>"
        "<div style='display: none'><p>Hidden text</p></div>"
        "<div aria-hidden='true'><p>Icon text</p></div>"
        "<div id='newsletter'><p>Join our list</p></div>"
        "</article>";
    ParseResult r = parse_html(page, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].body,
              "Photo caption kept.\n\nShareholders met on Friday.\n\nThe address was given downtown.");
}

TEST(Html, WrapperWithAFurnitureClassHoldingTheTextIsKept) {
    // a page-wide ASP.NET <form>, a "has-sidebar" layout class, and a wrapper
    // whose class happens to contain a furniture word
    const std::string page =
        "<body><form id='aspnetForm'><div class='layout has-sidebar'><div class='content widget-area'>"
        "<p>The first long paragraph of the story, with enough words to be the article text.</p>"
        "<p>The second long paragraph of the story, again with enough words to count.</p>"
        "</div><div class='widget'><a href='/x'>Other story</a></div></div></form></body>";
    ParseResult r = parse_html(page, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_TRUE(contains(r.articles[0].body, "first long paragraph")) << r.articles[0].body;
    EXPECT_TRUE(contains(r.articles[0].body, "second long paragraph"));
    EXPECT_FALSE(contains(r.articles[0].body, "Other story"));
}

TEST(Html, TeaserArticlesInAsidesAreNotTheContent) {
    const std::string page =
        "<body><div><p>Main text of the story that is not inside an article element at all.</p>"
        "<p>More of the main text.</p></div>"
        "<aside><article><h3>Teaser</h3><p>Teaser text</p></article></aside></body>";
    ParseResult r = parse_html(page, kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].body, "Main text of the story that is not inside an article element at all.\n\nMore of the main text.");
}

TEST(Html, MalformedMarkupStillParses) {
    const std::string page =
        "<html><head><title>Broken page</title><body><div class='story'><p>First paragraph <b>bold <i>both</b> italic?"
        "<p>Second paragraph<li>A list item without a list<table><tr><td>cell one<td>cell two</table>"
        "<p>Unclosed <a href='x'>link text<p>Last words &amp c &bogus; &#x41;&#66;";
    ParseResult r = parse_html(page, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "Broken page");
    EXPECT_EQ(r.articles[0].body,
              "First paragraph bold both italic?\n\nSecond paragraph\n\nA list item without a list\n\n"
              "cell one cell two\n\nUnclosed link text\n\nLast words & c &bogus; AB");
}

TEST(Html, HeadingsAreRecorded) {
    ParseResult r = parse_html(
        "<article><h1>Title</h1><p>Intro.</p><h2>First <span>part</span></h2><p>a</p><h3>Second<br>part</h3><p>b</p>"
        "<h4>   </h4><h6>Last</h6></article>",
        kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].headings, (std::vector<std::string>{"First part", "Second part", "Last"}));
    EXPECT_EQ(r.articles[0].body, "Intro.\n\nFirst part\n\na\n\nSecond part\n\nb\n\nLast");
}

TEST(Html, NoTextIsAnError) {
    for (std::string_view page :
         {std::string_view(""), std::string_view("   "), std::string_view("<html><head><title>Only a title</title></head><body></body></html>"),
          std::string_view("<body><script>var a = 1;</script><nav><a href='/'>Home</a></nav></body>"),
          std::string_view("\xEF\xBB\xBF")}) {
        ParseResult r = parse_html(page, kInput);
        EXPECT_TRUE(r.articles.empty()) << page;
        ASSERT_EQ(r.diagnostics.size(), 1u) << page;
        EXPECT_EQ(r.diagnostics[0].severity, Diagnostic::Severity::error);
        EXPECT_EQ(r.diagnostics[0].path, "page.html");
        EXPECT_TRUE(contains(r.diagnostics[0].message, "no article text")) << r.diagnostics[0].message;
    }
}

TEST(Html, HostileInputDoesNotCrashOrHang) {
    auto start = std::chrono::steady_clock::now();
    std::string divs;
    for (int i = 0; i < 100000; ++i) divs += "<div>";
    ParseResult r = parse_html(divs + "text", kInput);
    EXPECT_TRUE(r.articles.empty());
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_TRUE(contains(r.diagnostics[0].message, "nested deeper")) << r.diagnostics[0].message;

    std::string formatting;
    for (int i = 0; i < 30000; ++i) formatting += "<i><b><u>x";
    r = parse_html(formatting, kInput);
    EXPECT_TRUE(r.articles.empty());

    // depth within the limit: read normally
    std::string nested;
    for (int i = 0; i < 500; ++i) nested += "<div>";
    r = parse_html(nested + "<p>Deep text.</p>", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].body, "Deep text.");

    // many siblings, unclosed paragraphs and list items, a large inline SVG: not deep
    std::string flat;
    for (int i = 0; i < 20000; ++i) flat += "<p>para <li>item ";
    flat += "<svg>";
    for (int i = 0; i < 5000; ++i) flat += "<path d='M0 0'/>";
    flat += "</svg>";
    r = parse_html(flat, kInput);
    EXPECT_EQ(r.articles.size(), 1u) << all_messages(r);

    // NUL bytes, control characters and invalid UTF-8
    std::string junk = "<p>a\0b\x01\x02 c \xff\xfe d</p><p>\xc0\xaf</p>";
    junk.push_back('\0');
    junk += "<p>tail</p>";
    r = parse_html(junk, kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].body.find('\0'), std::string::npos);
    EXPECT_EQ(r.articles[0].body.find('\x01'), std::string::npos);
    EXPECT_TRUE(contains(r.articles[0].body, "tail"));

    // deeply nested JSON-LD is skipped
    r = parse_html("<script type='application/ld+json'>" + std::string(100000, '[') + "</script>" + kBody, kInput);
    EXPECT_EQ(r.articles.size(), 1u);

    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(HtmlFragment, TextOfFieldMarkup) {
    EXPECT_EQ(html_fragment_text("<p>One &amp; two</p><p>Three<br/>Four</p>"), "One & two\n\nThree\n\nFour");
    EXPECT_EQ(html_fragment_text("plain <b>bold</b> text"), "plain bold text");
    EXPECT_EQ(html_fragment_text("x<script>alert(1)</script><style>p{}</style>y"), "xy");
    EXPECT_EQ(html_fragment_text(""), "");
    EXPECT_EQ(html_fragment_text("a < b and c > d"), "a < b and c > d");
}

}  // namespace
}  // namespace news
