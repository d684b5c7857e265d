#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace passerelle::testing {

std::filesystem::path SharedDir() { return PASSERELLE_SHARED_DIR; }
std::filesystem::path SourceDir() { return PASSERELLE_SOURCE_DIR; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("passerelle-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'')
      out += "'\\''";
    else
      out.push_back(c);
  }
  return out + "'";
}

std::map<std::string, std::string> SnapshotFiles(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().filename() != "lock")
      files[entry.path().string()] = ReadFile(entry.path());
  return files;
}

CommandResult ImportFiveReferentiels(const std::string& workspace) {
  std::string files;
  for (const char* id : {"TP-00211", "RNCP420", "RNCP35697", "RNCP19166", "RNCP28243"})
    files += " " + Quote((SourceDir() / "referentiels" / (std::string(id) + ".xml")).string());
  return RunPasserelle("--workspace " + Quote(workspace) + " import" + files);
}

CliWorkspace::CliWorkspace(bool with_open_data) {
  CommandResult r = ImportFiveReferentiels((dir_.path() / "ws").string());
  if (r.status == 0 && with_open_data) {
    std::string files;
    for (const char* f : {"export-fiches-rncp-extract.xml", "selection-rncp-12-fiches.xml",
                          "selection-rs-8-fiches.xml"})
      files += " " + Quote((SharedDir() / "data" / "rncp-xml" / f).string());
    r = Run("import" + files);
  }
  if (r.status != 0) throw std::runtime_error(r.err);
}

std::string CliWorkspace::Flag() const {
  return "--workspace " + Quote((dir_.path() / "ws").string());
}

CommandResult RunPasserelle(const std::string& args) {
  TempDir tmp;
  const auto out_path = tmp.path() / "out";
  const auto err_path = tmp.path() / "err";
  const std::string command = Quote(PASSERELLE_BINARY) + " " + args + " >" +
                              Quote(out_path.string()) + " 2>" + Quote(err_path.string()) +
                              " </dev/null";
  CommandResult result;
  int raw = std::system(command.c_str());
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

}  // namespace passerelle::testing

#include <hpdf.h>

namespace passerelle::testing {

namespace {

const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

void IgnoreHpdfError(HPDF_STATUS, HPDF_STATUS, void*) {}

std::string SaveToString(HPDF_Doc pdf) {
  HPDF_SaveToStream(pdf);
  HPDF_ResetStream(pdf);
  std::string out;
  for (;;) {
    HPDF_BYTE buf[4096];
    HPDF_UINT32 size = sizeof(buf);
    HPDF_ReadFromStream(pdf, buf, &size);
    if (size == 0) break;
    out.append(reinterpret_cast<char*>(buf), size);
  }
  return out;
}

}  // namespace

std::string MakePdf(const std::vector<std::string>& pages, const std::string& password) {
  HPDF_Doc pdf = HPDF_New(&IgnoreHpdfError, nullptr);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  const char* font_name = HPDF_LoadTTFontFromFile(pdf, kDejaVu, HPDF_TRUE);
  HPDF_Font font = HPDF_GetFont(pdf, font_name, "UTF-8");
  for (const std::string& text : pages) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Page_SetFontAndSize(page, font, 8);
    float y = HPDF_Page_GetHeight(page) - 30;
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      std::string line = text.substr(start, nl - start);
      if (!line.empty()) {
        HPDF_Page_BeginText(page);
        HPDF_Page_TextOut(page, 20, y, line.c_str());
        HPDF_Page_EndText(page);
      }
      y -= 10;
      start = nl + 1;
    }
  }
  if (!password.empty()) {
    HPDF_SetPassword(pdf, (password + "-owner").c_str(), password.c_str());
    HPDF_SetEncryptionMode(pdf, HPDF_ENCRYPT_R3, 16);
  }
  std::string out = SaveToString(pdf);
  HPDF_Free(pdf);
  return out;
}

std::string MakePdfWithoutText() {
  HPDF_Doc pdf = HPDF_New(&IgnoreHpdfError, nullptr);
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_Rectangle(page, 50, 50, 200, 300);
  HPDF_Page_Fill(page);
  std::string out = SaveToString(pdf);
  HPDF_Free(pdf);
  return out;
}

}  // namespace passerelle::testing
