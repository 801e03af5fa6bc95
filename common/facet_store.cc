/// @file facet_store.cc
/// @brief The facet store: file format, memory-mapped reader, incremental builder.
#include "common/facet_store.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "common/schema.h"

namespace news {
namespace {

// File layout (native byte order, every section 8-byte aligned):
//   Header, then a table of kSections (offset, size) pairs, then the sections.
// Version 2: one value per lower-cased key. Version 3: document lengths.
// Stores of an older version do not open (the searcher counts through the
// value slots) and the next indexing run rebuilds them.
constexpr char kMagic[8] = {'N', 'W', 'S', 'F', 'C', 'T', '0', '3'};
constexpr std::size_t kPerField = 8;  // offsets ids counts text_offsets text lower_offsets lower starts
constexpr std::size_t kFirstField = 2;  // the live bitmap, then the document lengths
constexpr std::size_t kSections = kFirstField + kPerField * kStoreFields.size();

struct Header {
    char magic[8];
    std::uint64_t revision;
    std::uint32_t docid_limit;
    std::uint32_t doc_count;
    std::uint32_t fields;
    std::uint32_t uuid_size;
    char uuid[64];
};
struct Section {
    std::uint64_t offset;
    std::uint64_t size;
};

bool is_separator(unsigned char c) { return c < 0x80 && !std::isalnum(c); }

template <typename Fn>
void for_each_word_start(std::string_view s, Fn&& fn) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 0 || (is_separator(static_cast<unsigned char>(s[i - 1])) &&
                       !is_separator(static_cast<unsigned char>(s[i])))) {
            fn(i);
        }
    }
}

/// Stamps @p h with the database revision and UUID the store matches.
void stamp(Header& h, Xapian::rev revision, const std::string& uuid) {
    if (uuid.size() > sizeof h.uuid) throw std::runtime_error("facet store: database UUID too long");
    h.revision = revision;
    h.uuid_size = static_cast<std::uint32_t>(uuid.size());
    std::memset(h.uuid, 0, sizeof h.uuid);
    std::memcpy(h.uuid, uuid.data(), uuid.size());
}

/// Writes @p bytes as the store of @p db_path, atomically (a temporary file, then rename).
void write_store_file(const std::string& db_path, std::string_view bytes) {
    namespace fs = std::filesystem;
    fs::path path = facet_store_path(db_path);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    fs::path tmp = path;
    tmp += ".tmp";
    auto fail = [&tmp](int error, bool written) {
        std::error_code ignored;
        if (written) fs::remove(tmp, ignored);  // a partial file is no use to anyone, and takes space
        throw std::runtime_error(fmt::format("{}: cannot write the facet store: {}", tmp.string(), std::strerror(error)));
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(errno, false);
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            fail(error, true);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) fail(errno, true);
    fs::rename(tmp, path, ec);
    if (ec) throw std::runtime_error(fmt::format("{}: cannot replace the facet store: {}", path.string(), ec.message()));
}

}  // namespace

std::size_t store_field_index(std::string_view field) {
    return static_cast<std::size_t>(std::find(kStoreFields.begin(), kStoreFields.end(), field) -
                                    kStoreFields.begin());
}

Xapian::valueno store_field_slot(std::size_t index) {
    if (index < schema::kFacetFields.size()) return schema::kFacetFields[index].slot;
    return index == schema::kFacetFields.size() ? schema::kSlotDate : schema::kSlotMentioned;
}

std::string facet_store_path(const std::string& db_path) {
    return (std::filesystem::path(db_path) / "facets" / "store").string();
}

bool has_word_prefix(std::string_view lowered, std::string_view lowered_prefix) {
    if (lowered_prefix.empty()) return true;
    bool found = false;
    for_each_word_start(lowered, [&](std::size_t i) {
        if (!found && lowered.substr(i).starts_with(lowered_prefix)) found = true;
    });
    return found;
}

// ---------------------------------------------------------------- reader

FacetStore::~FacetStore() {
    if (map_) munmap(map_, map_size_);
}

std::unique_ptr<FacetStore> FacetStore::open(const std::string& db_path, const Xapian::Database& db) {
    Xapian::rev revision = 0;
    std::string uuid;
    try {
        revision = db.get_revision();
        uuid = db.get_uuid();
    } catch (const Xapian::Error&) {
        return nullptr;  // not a single glass database: no store
    }
    std::string path = facet_store_path(db_path);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) < sizeof(Header) + kSections * sizeof(Section)) {
        ::close(fd);
        return nullptr;
    }
    auto size = static_cast<std::size_t>(st.st_size);
    void* map = mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return nullptr;
    std::unique_ptr<FacetStore> store(new FacetStore());
    store->map_ = map;
    store->map_size_ = size;
    const char* base = static_cast<const char*>(map);
    Header h{};
    std::memcpy(&h, base, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.revision != revision ||
        h.fields != kStoreFields.size() || h.uuid_size != uuid.size() || uuid.size() > sizeof h.uuid ||
        std::string_view(h.uuid, h.uuid_size) != uuid) {
        return nullptr;
    }
    store->revision_ = revision;
    store->docid_limit_ = h.docid_limit;
    store->doc_count_ = h.doc_count;
    const auto* table = reinterpret_cast<const Section*>(base + sizeof(Header));
    for (std::size_t i = 0; i < kSections; ++i) {
        if (table[i].offset % 8 != 0 || table[i].offset > size || table[i].size > size - table[i].offset) {
            return nullptr;
        }
    }
    auto words = [&](const Section& s) { return reinterpret_cast<const std::uint32_t*>(base + s.offset); };
    std::size_t limit = h.docid_limit;
    if (table[0].size != bitmap_words(limit) * 8) return nullptr;
    store->live_ = reinterpret_cast<const std::uint64_t*>(base + table[0].offset);
    if (table[1].size != limit * 4) return nullptr;
    store->doc_lengths_ = words(table[1]);
    for (std::size_t f = 0; f < kStoreFields.size(); ++f) {
        const Section* s = table + kFirstField + f * kPerField;
        Column& c = store->columns_[f];
        if (s[0].size != (limit + 1) * 4 || s[3].size % 4 != 0 || s[3].size < 4 || s[5].size != s[3].size ||
            s[2].size != s[3].size - 4 || s[7].size % 8 != 0 || s[1].size % 4 != 0) {
            return nullptr;
        }
        c.offsets = words(s[0]);
        c.ids = words(s[1]);
        c.counts = words(s[2]);
        c.size = static_cast<std::uint32_t>(s[2].size / 4);
        c.text_offsets = words(s[3]);
        c.text = base + s[4].offset;
        c.lower_offsets = words(s[5]);
        c.lower = base + s[6].offset;
        c.starts = words(s[7]);
        c.starts_size = static_cast<std::uint32_t>(s[7].size / 8);
        c.entries = s[1].size / 4;
        c.text_bytes = s[4].size;
        c.lower_bytes = s[6].size;
    }
    // No document at or past the limit (a counting walk would read its offsets).
    if (limit % 64 != 0 && (store->live_[limit / 64] >> (limit % 64)) != 0) return nullptr;
    return store;
}

bool FacetStore::verify(std::size_t field) const {
    std::call_once(verified_once_[field], [&] {
        Column& c = columns_[field];
        const std::size_t limit = docid_limit_;
        // Bounds: monotone offsets ending at the section sizes; ids and starts in range.
        if (c.offsets[0] != 0 || c.offsets[limit] != c.entries) return;
        std::uint32_t most = 0;
        bool falling = false;
        for (std::size_t d = 0; d < limit; ++d) {
            falling |= c.offsets[d] > c.offsets[d + 1];
            most = std::max(most, c.offsets[d + 1] - c.offsets[d]);
        }
        if (falling) return;
        for (std::uint32_t i = 0; i < c.size; ++i) {
            if (c.text_offsets[i] > c.text_offsets[i + 1] || c.lower_offsets[i] > c.lower_offsets[i + 1]) return;
        }
        if (c.text_offsets[c.size] != c.text_bytes || c.lower_offsets[c.size] != c.lower_bytes) return;
        std::uint32_t top = 0;
        for (std::uint64_t i = 0; i < c.entries; ++i) top = std::max(top, c.ids[i]);
        if (c.entries && top >= c.size) return;
        for (std::uint32_t i = 0; i < c.starts_size; ++i) {
            std::uint32_t id = c.starts[2 * i], at = c.starts[2 * i + 1];
            if (id >= c.size || at > c.lower_offsets[id + 1] - c.lower_offsets[id]) return;
        }
        c.most = most;
        sound_[field] = true;
    });
    return sound_[field];
}

bool FacetStore::verify(std::span<const std::size_t> fields) const {
    bool sound = true;
    for (std::size_t f : fields) sound = verify(f) && sound;
    return sound;
}

bool FacetStore::verify_all() const {
    static constexpr auto kAll = [] {
        std::array<std::size_t, kStoreFields.size()> all{};
        for (std::size_t f = 0; f < all.size(); ++f) all[f] = f;
        return all;
    }();
    return verify(kAll);
}

void FacetStore::Column::prefix_matches(std::string_view prefix, std::vector<char>& out) const {
    out.assign(size, 0);
    auto suffix = [&](std::uint32_t i) {
        std::uint32_t id = starts[2 * i];
        return lowered(id).substr(starts[2 * i + 1]);
    };
    std::uint32_t lo = 0, hi = starts_size;
    while (lo < hi) {  // first start whose text is >= prefix
        std::uint32_t mid = lo + (hi - lo) / 2;
        if (suffix(mid) < prefix) lo = mid + 1;
        else hi = mid;
    }
    for (std::uint32_t i = lo; i < starts_size && suffix(i).starts_with(prefix); ++i) out[starts[2 * i]] = 1;
}

// ---------------------------------------------------------------- builder

/// A write's stamp and the document count it states.
struct StoreStamp {
    std::uint32_t live_count = 0;
    std::size_t limit = 0;  ///< one past the highest docid the store covers
    Xapian::rev revision = 0;
    std::string uuid;
};

struct FacetStoreBuilder::Tables {
    const std::vector<std::vector<std::uint32_t>>* docs;
    const std::vector<std::uint32_t>* doc_lengths;
    std::array<const std::vector<std::string>*, kStoreFields.size()> values;
    StoreStamp stamp;
};

/// The copy a background write works from (the builder's dictionaries
/// without their lookup maps, which a write does not read).
struct FacetStoreBuilder::Snapshot {
    std::vector<std::vector<std::uint32_t>> docs;
    std::vector<std::uint32_t> doc_lengths;
    std::array<std::vector<std::string>, kStoreFields.size()> values;
    StoreStamp stamp;

    [[nodiscard]] Tables tables() const {
        Tables t{.docs = &docs, .doc_lengths = &doc_lengths, .values = {}, .stamp = stamp};
        for (std::size_t f = 0; f < values.size(); ++f) t.values[f] = &values[f];
        return t;
    }
};

/// The builder's write thread: takes one snapshot at a time, writes it, and
/// records the outcome in the builder (under its mutex).
class FacetStoreBuilder::Background {
public:
    explicit Background(FacetStoreBuilder& owner) : owner_(owner), thread_([this] { run(); }) {}
    ~Background() {
        {
            std::lock_guard lock(owner_.mutex_);
            stop_ = true;
        }
        work_.notify_one();
        thread_.join();
    }
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    /// Hands @p snap over; the caller holds the owner's mutex and has set writing_.
    void start(Snapshot&& snap) {
        job_ = std::move(snap);
        work_.notify_one();
    }

private:
    void run() {
        using Clock = std::chrono::steady_clock;
        std::unique_lock lock(owner_.mutex_);
        for (;;) {
            work_.wait(lock, [&] { return stop_ || job_; });
            if (stop_) return;  // a write not begun is dropped: the store keeps its older stamp
            Snapshot snap = std::move(*job_);
            job_.reset();
            lock.unlock();
            std::exception_ptr error;
            const auto start = Clock::now();
            try {
                write(owner_.db_path_, snap.tables());
            } catch (...) {
                error = std::current_exception();
            }
            const auto end = Clock::now();
            const Xapian::rev revision = snap.stamp.revision;
            snap = Snapshot{};  // freed before the lock is taken again
            lock.lock();
            if (error) {
                owner_.error_ = error;
            } else {
                owner_.written_revision_ = revision;
            }
            owner_.last_write_end_ = end;
            owner_.last_write_took_ = end - start;
            owner_.writing_ = false;
            owner_.idle_.notify_all();
        }
    }

    FacetStoreBuilder& owner_;
    std::condition_variable work_;
    std::optional<Snapshot> job_;  ///< guarded by the owner's mutex
    bool stop_ = false;            ///< guarded by the owner's mutex
    std::thread thread_;           ///< last: started once the members above exist
};

FacetStoreBuilder::FacetStoreBuilder(std::string db_path, const Xapian::Database& db, double write_ratio)
    : db_path_(std::move(db_path)), start_(FacetStore::open(db_path_, db)), write_ratio_(write_ratio) {
    // The builder reads all of the store it starts from, and rewrites a damaged
    // one from the database. (Once: checking a whole store reads all of it.)
    if (start_ && !start_->verify_all()) start_.reset();
    if (start_) written_revision_ = start_->revision();
}

FacetStoreBuilder::~FacetStoreBuilder() = default;  // background_ (declared last) joins first

void FacetStoreBuilder::load(const FacetStore& store) {
    for (std::size_t f = 0; f < kStoreFields.size(); ++f) {
        const FacetStore::Column& c = store.column(f);
        dicts_[f] = Dictionary{};
        // Same ids. The store keeps one spelling per key, so the documents of
        // a key count for its shown spelling from here on.
        for (std::uint32_t id = 0; id < c.size; ++id) (void)dicts_[f].intern(c.value(id));
    }
    docs_.assign(store.docid_limit(), {});
    doc_lengths_.assign(store.doc_lengths(), store.doc_lengths() + store.docid_limit());
    live_count_ = 0;
    for (Xapian::docid d = 0; d < store.docid_limit(); ++d) {
        if ((store.live()[d / 64] >> (d % 64) & 1) == 0) continue;
        std::vector<std::uint32_t>& rec = docs_[d];
        rec.assign(kStoreFields.size(), 0);
        for (std::size_t f = 0; f < kStoreFields.size(); ++f) {
            auto ids = store.column(f).of(d);
            rec[f] = static_cast<std::uint32_t>(ids.size());
            rec.insert(rec.end(), ids.begin(), ids.end());
        }
        ++live_count_;
    }
}

std::uint32_t FacetStoreBuilder::Dictionary::intern(std::string_view v) {
    auto [it, inserted] = ids.try_emplace(std::string(v), static_cast<std::uint32_t>(values.size()));
    if (inserted) values.emplace_back(v);
    return it->second;
}

void FacetStoreBuilder::read_document(const Xapian::Database& db, Xapian::docid id,
                                      std::optional<Xapian::termcount> length) {
    if (docs_.size() <= id) {
        docs_.resize(static_cast<std::size_t>(id) + 1);
        doc_lengths_.resize(docs_.size(), 0);
    }
    std::vector<std::uint32_t>& rec = docs_[id];
    if (!rec.empty()) --live_count_;
    rec.clear();
    doc_lengths_[id] = 0;
    Xapian::Document doc;
    try {
        doc = db.get_document(id);
        doc_lengths_[id] = static_cast<std::uint32_t>(length ? *length : db.get_doclength(id));
    } catch (const Xapian::DocNotFoundError&) {
        return;  // deleted
    }
    rec.assign(kStoreFields.size(), 0);
    std::vector<std::uint32_t> ids;
    for (std::size_t f = 0; f < kStoreFields.size(); ++f) {
        std::string packed = doc.get_value(store_field_slot(f));
        ids.clear();
        schema::for_each_packed(packed, [&](std::string_view v) {
            if (!v.empty()) ids.push_back(dicts_[f].intern(v));
        });
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        rec[f] = static_cast<std::uint32_t>(ids.size());
        rec.insert(rec.end(), ids.begin(), ids.end());
    }
    ++live_count_;
}

void FacetStoreBuilder::rebuild(const Xapian::Database& db) {
    for (auto& d : dicts_) d = Dictionary{};
    docs_.clear();
    docs_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1);
    doc_lengths_.assign(docs_.size(), 0);
    live_count_ = 0;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) read_document(db, *p, p.get_doclength());
}

bool FacetStoreBuilder::sync(const Xapian::Database& db, StoreWrite when) {
    using Clock = std::chrono::steady_clock;
    {
        std::lock_guard lock(mutex_);
        if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
        // Nothing changed and the store on disk, opened and checked at construction,
        // still matches (only this writer writes the database and its store): keep it.
        if (!loaded_ && touched_.empty() && start_ && start_->revision() == db.get_revision()) {
            written_revision_ = db.get_revision();
            return true;
        }
    }
    // The tables below are this thread's alone: a background write reads its own copy.
    if (!loaded_ && !start_) {
        rebuild(db);
        loaded_ = true;
    } else {
        if (!loaded_) {  // the store on disk matched the database before this run's changes
            load(*start_);
            start_.reset();
            loaded_ = true;
        }
        std::sort(touched_.begin(), touched_.end());
        touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
        for (Xapian::docid id : touched_) read_document(db, id);
        // A change that bypassed touched()/removed() shows up here at the latest.
        if (live_count_ != db.get_doccount() || docs_.size() < static_cast<std::size_t>(db.get_lastdocid()) + 1) {
            rebuild(db);
        }
    }
    touched_.clear();

    const Xapian::rev revision = db.get_revision();
    std::unique_lock lock(mutex_);
    if (when == StoreWrite::always) {
        wait_locked(lock);  // a background write of an older revision must not land after this one
        if (written_revision_ == revision) return true;
        lock.unlock();
        const auto start = Clock::now();
        write(db_path_, tables(db));
        const auto end = Clock::now();
        lock.lock();
        last_write_end_ = end;
        last_write_took_ = end - start;
        written_revision_ = revision;
        return true;
    }
    if (written_revision_ == revision) return true;
    if (writing_) return false;  // the next batch commit (or the run's last) writes it
    if (written_revision_ &&
        Clock::now() - last_write_end_ < std::chrono::duration_cast<Clock::duration>(last_write_took_ * write_ratio_)) {
        return false;
    }
    // The copy costs a small part of a write (no sorting, no lower-casing,
    // no file): the caller goes on while the thread writes.
    const Tables now = tables(db);
    Snapshot snap{.docs = *now.docs, .doc_lengths = *now.doc_lengths, .values = {}, .stamp = now.stamp};
    for (std::size_t f = 0; f < snap.values.size(); ++f) snap.values[f] = *now.values[f];
    if (!background_) background_ = std::make_unique<Background>(*this);
    writing_ = true;
    background_->start(std::move(snap));
    return false;
}

std::optional<Xapian::rev> FacetStoreBuilder::wait() {
    std::unique_lock lock(mutex_);
    wait_locked(lock);
    return written_revision_;
}

void FacetStoreBuilder::wait_locked(std::unique_lock<std::mutex>& lock) {
    idle_.wait(lock, [&] { return !writing_; });
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

FacetStoreBuilder::Tables FacetStoreBuilder::tables(const Xapian::Database& db) const {
    Tables t{.docs = &docs_,
             .doc_lengths = &doc_lengths_,
             .values = {},
             .stamp = {.live_count = live_count_,
                       .limit = std::max<std::size_t>(docs_.size(), static_cast<std::size_t>(db.get_lastdocid()) + 1),
                       .revision = db.get_revision(),
                       .uuid = db.get_uuid()}};
    for (std::size_t f = 0; f < dicts_.size(); ++f) t.values[f] = &dicts_[f].values;
    return t;
}

void FacetStoreBuilder::write(const std::string& db_path, const Tables& t) {
    const std::vector<std::vector<std::uint32_t>>& docs = *t.docs;
    const std::vector<std::uint32_t>& doc_lengths = *t.doc_lengths;
    std::string out;
    auto align = [&] { out.resize((out.size() + 7) / 8 * 8, '\0'); };
    std::vector<Section> table(kSections);
    auto append = [&](std::size_t section, const void* data, std::size_t bytes) {
        align();
        table[section] = {out.size(), bytes};
        out.append(static_cast<const char*>(data), bytes);
    };
    const std::size_t limit = t.stamp.limit;
    out.resize(sizeof(Header) + kSections * sizeof(Section), '\0');

    std::vector<std::uint64_t> live(bitmap_words(limit), 0);
    for (std::size_t d = 0; d < docs.size(); ++d) {
        if (!docs[d].empty()) live[d / 64] |= std::uint64_t{1} << (d % 64);
    }
    append(0, live.data(), live.size() * 8);
    std::vector<std::uint32_t> lengths(limit, 0);
    std::copy(doc_lengths.begin(), doc_lengths.begin() + static_cast<std::ptrdiff_t>(std::min(limit, doc_lengths.size())),
              lengths.begin());
    append(1, lengths.data(), lengths.size() * 4);

    for (std::size_t f = 0; f < kStoreFields.size(); ++f) {
        const std::vector<std::string>& values = *t.values[f];
        // Documents per in-memory id (an exact spelling).
        std::vector<std::uint32_t> held(values.size(), 0);
        auto for_ids = [&](const std::vector<std::uint32_t>& rec, auto&& fn) {
            std::size_t at = kStoreFields.size();
            for (std::size_t g = 0; g < f; ++g) at += rec[g];
            for (std::uint32_t i = 0; i < rec[f]; ++i) fn(rec[at + i]);
        };
        for (const auto& rec : docs) {
            if (!rec.empty()) for_ids(rec, [&](std::uint32_t id) { ++held[id]; });
        }
        // One file value per spelling that lower-cases alike ("American",
        // "AMERICAN"), as a filter's term does: shown as its most common
        // spelling (then the bytewise least), ordered by the lower-cased key.
        std::vector<std::string> key_of(values.size());
        std::vector<std::uint32_t> held_ids;
        for (std::uint32_t i = 0; i < held.size(); ++i) {
            if (!held[i]) continue;
            key_of[i] = Xapian::Unicode::tolower(values[i]);
            held_ids.push_back(i);
        }
        std::sort(held_ids.begin(), held_ids.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return key_of[a] < key_of[b]; });
        std::vector<std::uint32_t> order;  // per file id: the spelling shown
        std::vector<std::uint32_t> remap(values.size(), 0);
        for (std::size_t k = 0; k < held_ids.size(); ++k) {
            std::uint32_t i = held_ids[k];
            if (k == 0 || key_of[i] != key_of[held_ids[k - 1]]) {
                order.push_back(i);
            } else if (std::uint32_t& b = order.back();
                       held[i] > held[b] || (held[i] == held[b] && values[i] < values[b])) {
                b = i;
            }
            remap[i] = static_cast<std::uint32_t>(order.size() - 1);
        }

        std::vector<std::uint32_t> offsets(limit + 1, 0), ids, doc_ids, counts(order.size(), 0);
        for (std::size_t d = 0; d < limit; ++d) {
            if (d < docs.size() && !docs[d].empty()) {
                doc_ids.clear();
                for_ids(docs[d], [&](std::uint32_t id) { doc_ids.push_back(remap[id]); });
                std::sort(doc_ids.begin(), doc_ids.end());
                doc_ids.erase(std::unique(doc_ids.begin(), doc_ids.end()), doc_ids.end());
                for (std::uint32_t id : doc_ids) ++counts[id];
                ids.insert(ids.end(), doc_ids.begin(), doc_ids.end());
            }
            offsets[d + 1] = static_cast<std::uint32_t>(ids.size());
        }
        std::vector<std::uint32_t> text_offsets{0}, lower_offsets{0};
        std::string text, lower;
        for (std::uint32_t shown : order) {
            text += values[shown];
            text_offsets.push_back(static_cast<std::uint32_t>(text.size()));
            lower += key_of[shown];
            lower_offsets.push_back(static_cast<std::uint32_t>(lower.size()));
        }
        std::vector<std::uint32_t> starts;
        auto lowered = [&](std::uint32_t id) {
            return std::string_view(lower).substr(lower_offsets[id], lower_offsets[id + 1] - lower_offsets[id]);
        };
        for (std::uint32_t id = 0; id < order.size(); ++id) {
            for_each_word_start(lowered(id), [&](std::size_t at) {
                starts.push_back(id);
                starts.push_back(static_cast<std::uint32_t>(at));
            });
        }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        for (std::size_t i = 0; i < starts.size(); i += 2) pairs.emplace_back(starts[i], starts[i + 1]);
        std::sort(pairs.begin(), pairs.end(), [&](const auto& a, const auto& b) {
            return lowered(a.first).substr(a.second) < lowered(b.first).substr(b.second);
        });
        starts.clear();
        for (auto [id, at] : pairs) {
            starts.push_back(id);
            starts.push_back(at);
        }
        std::size_t s = kFirstField + f * kPerField;
        append(s + 0, offsets.data(), offsets.size() * 4);
        append(s + 1, ids.data(), ids.size() * 4);
        append(s + 2, counts.data(), counts.size() * 4);
        append(s + 3, text_offsets.data(), text_offsets.size() * 4);
        append(s + 4, text.data(), text.size());
        append(s + 5, lower_offsets.data(), lower_offsets.size() * 4);
        append(s + 6, lower.data(), lower.size());
        append(s + 7, starts.data(), starts.size() * 4);
    }
    align();

    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    stamp(h, t.stamp.revision, t.stamp.uuid);
    h.docid_limit = static_cast<std::uint32_t>(limit);
    h.doc_count = t.stamp.live_count;
    h.fields = static_cast<std::uint32_t>(kStoreFields.size());
    std::memcpy(out.data(), &h, sizeof h);
    std::memcpy(out.data() + sizeof h, table.data(), table.size() * sizeof(Section));
    write_store_file(db_path, out);
}

bool copy_facet_store(const std::string& from_path, const Xapian::Database& from, const std::string& to_path,
                      const Xapian::Database& to) {
    std::unique_ptr<FacetStore> store = FacetStore::open(from_path, from);
    if (!store) return false;
    std::string bytes(static_cast<const char*>(store->map_), store->map_size_);
    Header h{};
    std::memcpy(&h, bytes.data(), sizeof h);
    stamp(h, to.get_revision(), to.get_uuid());
    std::memcpy(bytes.data(), &h, sizeof h);
    write_store_file(to_path, bytes);
    return true;
}

}  // namespace news
