#include "importers/zip_archive.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>

using namespace passerelle;

namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Archive(const std::vector<ZipEntry>& entries) {
  Result<std::string> zip = WriteZip(entries);
  BOOST_REQUIRE(zip.ok());
  return *zip;
}

// `size` bytes of text that deflate well but not absurdly.
std::string Filler(size_t size) {
  std::string out;
  for (size_t i = 0; out.size() < size; ++i)
    out += "<w:p><w:r><w:t>ligne " + std::to_string(i) + "</w:t></w:r></w:p>\n";
  out.resize(size);
  return out;
}

void PutLe32(std::string& bytes, size_t offset, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// Makes every header of the archive declare `size` as uncompressed size, as
// a forged archive would.
void ForgeDeclaredSizes(std::string& zip, uint32_t size) {
  for (size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4))
    PutLe32(zip, at + 22, size);
  for (size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4))
    PutLe32(zip, at + 24, size);
}

}  // namespace

BOOST_AUTO_TEST_CASE(written_archive_reads_back_stored_and_deflated) {
  const std::string zip = Archive({{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                                   {"content.xml", "<a>é « ’ »</a>", 9}});
  auto archive = ZipArchive::Open(zip, "a.odt");
  BOOST_REQUIRE(archive.ok());
  BOOST_TEST(((*archive)->EntryNames() == std::vector<std::string>{"mimetype", "content.xml"}));
  BOOST_TEST((*archive)->HasEntry("content.xml"));
  BOOST_TEST(!(*archive)->HasEntry("styles.xml"));
  BOOST_TEST(*(*archive)->ReadEntry("mimetype", 100) == "application/vnd.oasis.opendocument.text");
  BOOST_TEST(*(*archive)->ReadEntry("content.xml", 100) == "<a>é « ’ »</a>");
  // The stored entry is really stored: its bytes appear as is.
  BOOST_TEST(Contains(zip, "application/vnd.oasis.opendocument.text"));
}

BOOST_AUTO_TEST_CASE(missing_entry_is_not_found_naming_file_and_part) {
  const std::string zip = Archive({{"a.txt", "a"}});  // must outlive the archive
  auto archive = ZipArchive::Open(zip, "dossier.docx");
  BOOST_REQUIRE(archive.ok());
  auto r = (*archive)->ReadEntry("word/document.xml", 100);
  BOOST_TEST((r.status().kind() == Status::Kind::kNotFound));
  BOOST_TEST(Contains(r.status().message(), "dossier.docx"));
  BOOST_TEST(Contains(r.status().message(), "word/document.xml"));
}

BOOST_AUTO_TEST_CASE(declared_size_over_the_limit_is_refused) {
  const std::string zip = Archive({{"big.xml", Filler(2 << 20), 9}});
  auto archive = ZipArchive::Open(zip, "gros.docx");
  BOOST_REQUIRE(archive.ok());
  auto r = (*archive)->ReadEntry("big.xml", 1 << 20);
  BOOST_TEST((r.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Contains(r.status().message(), "gros.docx"));
  BOOST_TEST(Contains(r.status().message(), "dépasse 1 Mo une fois décompressée"));
  BOOST_TEST((*archive)->ReadEntry("big.xml", 4 << 20).ok());
}

BOOST_AUTO_TEST_CASE(lying_declared_size_is_caught_while_inflating) {
  std::string zip = Archive({{"big.xml", Filler(2 << 20), 9}});
  ForgeDeclaredSizes(zip, 100);
  auto archive = ZipArchive::Open(zip, "piège.docx");
  BOOST_REQUIRE(archive.ok());
  auto r = (*archive)->ReadEntry("big.xml", 1 << 20);
  BOOST_TEST(!r.ok());
  BOOST_TEST(Contains(r.status().message(), "dépasse 1 Mo une fois décompressée"));
  // Under a larger limit the lie still shows, as an inconsistent archive.
  auto whole = (*archive)->ReadEntry("big.xml", 8 << 20);
  BOOST_TEST(!whole.ok());
  BOOST_TEST(Contains(whole.status().message(), "piège.docx"));
  BOOST_TEST(Contains(whole.status().message(), "incohérente"));
}

BOOST_AUTO_TEST_CASE(truncated_archive_is_refused_naming_the_file) {
  const std::string zip = Archive({{"word/document.xml", Filler(10000), 6}});
  auto r = ZipArchive::Open(zip.substr(0, zip.size() / 2), "coupé.docx");
  BOOST_TEST((r.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Contains(r.status().message(), "coupé.docx"));
  BOOST_TEST(Contains(r.status().message(), "zip"));
}

BOOST_AUTO_TEST_CASE(damaged_compressed_data_is_refused) {
  std::string zip = Archive({{"word/document.xml", Filler(100000), 6}});
  // Overwrite compressed bytes in the middle of the entry's data.
  for (size_t i = 200; i < 400; ++i) zip[i] = static_cast<char>(i * 31);
  auto archive = ZipArchive::Open(zip, "abîmé.docx");
  BOOST_REQUIRE(archive.ok());
  auto r = (*archive)->ReadEntry("word/document.xml", 1 << 20);
  BOOST_TEST(!r.ok());
  BOOST_TEST(Contains(r.status().message(), "abîmé.docx"));
  BOOST_TEST(Contains(r.status().message(), "word/document.xml"));
}

BOOST_AUTO_TEST_CASE(byte_sizes_in_french) {
  BOOST_TEST(FormatByteSize(200u << 20) == "200 Mo");
  BOOST_TEST(FormatByteSize(64u << 10) == "64 Ko");
  BOOST_TEST(FormatByteSize(512) == "512 octets");
}
